package io.gatehouse.engine.wellknown;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.OAuthScopes;
import io.gatehouse.engine.token.KeyOwner;
import io.gatehouse.engine.token.SigningKeys;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A pool's public metadata at Cognito's paths under its issuer, {@code <base-url>/<poolId>}: the JWKS that
 * resource servers (and MicroProfile JWT) verify tokens with, and the OpenID Connect discovery document.
 */
@Path("{poolId: [\\w-]+_[0-9a-zA-Z]+}/.well-known")
public class WellKnownResource {

    /** Verifiers may cache keys briefly; rotation keeps retired keys published far longer than this. */
    private static final int MAX_AGE_SECONDS = 300;

    @Inject
    UserPools pools;

    @Inject
    SigningKeys keys;

    @Inject
    GatehouseConfig config;

    @GET
    @Path("jwks.json")
    public Response jwks(@PathParam("poolId") String poolId) {
        return existing(poolId, () -> Response.ok(keys.publicKeys(KeyOwner.userPool(poolId)).toString(), MediaType.APPLICATION_JSON));
    }

    @GET
    @Path("openid-configuration")
    public Response openIdConfiguration(@PathParam("poolId") String poolId) {
        return existing(poolId, () -> {
            String issuer = config.baseUrl() + "/" + poolId;
            ObjectNode document = Json.MAPPER.createObjectNode()
                    .put("issuer", issuer)
                    .put("jwks_uri", issuer + "/.well-known/jwks.json");
            document.putArray("subject_types_supported").add("public");
            document.putArray("id_token_signing_alg_values_supported").add("RS256");
            String base = config.baseUrl();
            document.put("authorization_endpoint", base + "/oauth2/authorize");
            document.put("token_endpoint", base + "/oauth2/token");
            document.put("userinfo_endpoint", base + "/oauth2/userInfo");
            document.put("revocation_endpoint", base + "/oauth2/revoke");
            document.putArray("response_types_supported").add("code").add("token");
            document.putArray("grant_types_supported").add("authorization_code").add("implicit")
                    .add("refresh_token").add("client_credentials");
            document.putArray("code_challenge_methods_supported").add("S256");
            // "none": public clients, which identify themselves with client_id and prove the code with PKCE.
            document.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic")
                    .add("client_secret_post").add("none");
            document.putArray("ui_locales_supported").add("en").add("ko");
            document.put("authorization_response_iss_parameter_supported", true);
            ArrayNode scopes = document.putArray("scopes_supported");
            OAuthScopes.STANDARD.stream().sorted().forEach(scopes::add);
            return Response.ok(Json.write(document), MediaType.APPLICATION_JSON);
        });
    }

    private Response existing(String poolId, java.util.function.Supplier<Response.ResponseBuilder> body) {
        try {
            pools.get(poolId);
        } catch (ServiceException e) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(Json.write(Json.MAPPER.createObjectNode().put("message", e.getMessage()))).build();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return body.get().cacheControl(cache).header("Access-Control-Allow-Origin", "*").build();
    }
}
