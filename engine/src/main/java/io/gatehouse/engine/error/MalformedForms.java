package io.gatehouse.engine.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;

/**
 * Turns the container's failure to decode a form body into a {@link MalformedFormException}. RESTEasy's form reader
 * decodes with {@link java.net.URLDecoder}, which throws {@link IllegalArgumentException} on broken
 * percent-encoding before any resource method runs, and RESTEasy answers that with a 500 naming the decoder (found
 * by the fuzz pass on every form endpoint).
 */
@Provider
public class MalformedForms implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (IllegalArgumentException e) {
            if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
                throw new MalformedFormException(e);
            }
            throw e;
        }
    }
}
