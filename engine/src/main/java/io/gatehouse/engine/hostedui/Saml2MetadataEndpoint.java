package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.local.LocalParties;
import io.gatehouse.engine.federation.local.ServiceProviderMetadata;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /saml2/metadata?user_pool_id=<poolId>}: the pool's SAML service-provider metadata, for an IdP
 * administrator to import (on a pool's domain the pool is the domain's and the parameter may be left out). Public,
 * as Cognito's certificate and endpoints are: it holds no secret.
 */
@RequestScoped
@Path("saml2/metadata")
public class Saml2MetadataEndpoint {

    @Inject
    PageSupport support;

    @Inject
    LocalParties localParties;

    @GET
    public Response metadata(@QueryParam("user_pool_id") String userPoolId) {
        Optional<String> pool = Optional.ofNullable(userPoolId).filter(id -> !id.isBlank())
                .or(support::poolOfHost);
        if (pool.isEmpty()) {
            return support.error(400, "invalid_request", "user_pool_id names no user pool.", null);
        }
        if (support.poolOfHost().filter(p -> !p.equals(pool.get())).isPresent()) {
            return support.error(400, "invalid_request", "The user pool is not this domain's.", null);
        }
        String xml;
        try {
            xml = ServiceProviderMetadata.of(localParties.of(pool.get()));
        } catch (ServiceException e) {
            return support.error(404, "invalid_request", "user_pool_id names no user pool.", null);
        }
        return Response.ok(xml.getBytes(StandardCharsets.UTF_8), "application/samlmetadata+xml")
                .header("Content-Disposition", "inline; filename=\"" + pool.get() + "-saml-metadata.xml\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "public, max-age=300").build();
    }
}
