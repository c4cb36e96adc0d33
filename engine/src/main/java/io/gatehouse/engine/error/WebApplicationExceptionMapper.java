package io.gatehouse.engine.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JAX-RS's own refusals (404 for a path no endpoint has, 405, 415...) answered as RESTEasy answers them without a
 * mapper: with the response they carry. With mpMetrics on, Liberty maps every exception the application leaves
 * unmapped itself and logs each as a warning with its stack trace and a first-failure report, and the message of a
 * 404 quotes the path requested: a scan of random paths would write one warning per request. Mapped here, they are
 * answered as before and logged nowhere (but a 5xx, which is ours); an exception of any other kind still reaches
 * Liberty's mapper and the log.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.getStatus() >= 500) {
            // A server error wrapped as a JAX-RS exception is a failure of ours, not a caller's refusal: logged.
            LOG.log(Level.SEVERE, "A request failed with HTTP " + response.getStatus(), exception);
        }
        return response;
    }
}
