package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.credentials.IdentityCredentials;
import io.gatehouse.engine.identitypool.identity.ProvenIdentity;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * GetOpenIdToken (unsigned): the identity-pool issuer's OpenID token for an identity its logins prove (a guest's
 * with none), valid for ten minutes as Cognito's, for the basic flow (STS AssumeRoleWithWebIdentity) or any relying
 * party told to trust the issuer.
 */
@ApplicationScoped
public class GetOpenIdToken implements IdentityOperation {

    static final Duration VALIDITY = Duration.ofMinutes(10);

    @Inject
    UnsignedCalls calls;

    @Inject
    IdentityCredentials credentials;

    @Inject
    OpenIdTokens tokens;

    @Override
    public String name() {
        return "GetOpenIdToken";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ProvenIdentity proven = calls.proven(request);
        String identityId = proven.identity().id();
        String token = tokens.mint(proven.pool().id(), identityId, proven.amr(), credentials.sessionTags(proven),
                VALIDITY);
        return Json.MAPPER.createObjectNode().put("IdentityId", identityId).put("Token", token);
    }
}
