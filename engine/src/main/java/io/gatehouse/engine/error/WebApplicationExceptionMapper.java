package io.gatehouse.engine.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own refusals (404 for a path no endpoint has, 405, 415...) answered as RESTEasy answers them without a
 * mapper: with the response they carry. With mpMetrics on, Liberty maps every exception the application leaves
 * unmapped itself and logs each as a warning with its stack trace and a first-failure report, and the message of a
 * 404 quotes the path requested: a scan of random paths would write one warning per request. Mapped here, they are
 * answered as before and logged nowhere; an exception of any other kind still reaches Liberty's mapper and the log.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        return exception.getResponse();
    }
}
