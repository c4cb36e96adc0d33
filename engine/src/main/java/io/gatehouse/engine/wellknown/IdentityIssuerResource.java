package io.gatehouse.engine.wellknown;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.token.KeyOwner;
import io.gatehouse.engine.token.SigningKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The identity-pool issuer's public metadata, under {@code <base-url>/cognito-identity}: the discovery document that
 * an OIDC relying party (AWS IAM, MinIO, Ceph) reads when it is told to trust the issuer, and the keys, at Cognito's
 * {@code jwks_uri} path (and at {@code jwks.json}, as the user pools publish theirs).
 */
@Path(OpenIdTokens.PATH + "/.well-known")
public class IdentityIssuerResource {

    /** As the user pools' keys: rotation keeps retired keys published far longer than this. */
    private static final int MAX_AGE_SECONDS = 300;

    @Inject
    SigningKeys keys;

    @Inject
    OpenIdTokens tokens;

    @GET
    @Path("openid-configuration")
    public Response openIdConfiguration() {
        String issuer = tokens.issuer();
        ObjectNode document = Json.MAPPER.createObjectNode()
                .put("issuer", issuer)
                .put("jwks_uri", issuer + "/.well-known/jwks_uri");
        document.putArray("response_types_supported").add("id_token");
        document.putArray("subject_types_supported").add("public");
        document.putArray("id_token_signing_alg_values_supported").add("RS512");
        document.putArray("claims_supported").add("iss").add("sub").add("aud").add("exp").add("iat").add("amr");
        return cached(Response.ok(Json.write(document), MediaType.APPLICATION_JSON));
    }

    @GET
    @Path("jwks_uri")
    public Response jwks() {
        return cached(Response.ok(keys.publicKeys(KeyOwner.IDENTITY_ISSUER).toString(), MediaType.APPLICATION_JSON));
    }

    @GET
    @Path("jwks.json")
    public Response jwksJson() {
        return jwks();
    }

    private static Response cached(Response.ResponseBuilder response) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return response.cacheControl(cache).header("Access-Control-Allow-Origin", "*").build();
    }
}
