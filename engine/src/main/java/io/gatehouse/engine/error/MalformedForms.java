package io.gatehouse.engine.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads form bodies so that what cannot be used is refused before any resource method runs, as a
 * {@link MalformedRequestException}: broken percent-encoding (RESTEasy's form reader decodes with
 * {@link java.net.URLDecoder}, whose {@link IllegalArgumentException} RESTEasy answers with a 500 naming the decoder)
 * and names or values holding U+0000 (which PostgreSQL refuses in a query, a 500 again). Both were found by the
 * fuzz pass.
 */
@Provider
public class MalformedForms implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        Object form;
        try {
            form = context.proceed();
        } catch (IllegalArgumentException e) {
            throw MalformedRequestException.form(e);
        }
        if (form instanceof MultivaluedMap<?, ?> fields && holdsNul(fields)) {
            throw MalformedRequestException.nul("form");
        }
        return form;
    }

    static boolean holdsNul(MultivaluedMap<?, ?> parameters) {
        for (Map.Entry<?, ?> entry : parameters.entrySet()) {
            if (NulCharacters.holdsNul(String.valueOf(entry.getKey()))) {
                return true;
            }
            for (Object value : (List<?>) entry.getValue()) {
                if (value instanceof String text && NulCharacters.holdsNul(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
