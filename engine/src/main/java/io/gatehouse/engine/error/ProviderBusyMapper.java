package io.gatehouse.engine.error;

import io.gatehouse.api.provider.ProviderBusyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS endpoints' answer (hosted UI, OAuth) when a provider refuses as busy: 503 with Retry-After, not a
 * server error. The Cognito API answers {@code TooManyRequestsException} instead ({@link Throttling}).
 */
@Provider
public class ProviderBusyMapper implements ExceptionMapper<ProviderBusyException> {

    @Override
    public Response toResponse(ProviderBusyException exception) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .type(MediaType.TEXT_PLAIN_TYPE).entity("Too many requests are being handled; try again shortly.\n")
                .build();
    }
}
