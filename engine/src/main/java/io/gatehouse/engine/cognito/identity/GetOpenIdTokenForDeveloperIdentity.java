package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.DeveloperIdentities;
import io.gatehouse.engine.identitypool.identity.Login;
import io.gatehouse.engine.identitypool.identity.Logins;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GetOpenIdTokenForDeveloperIdentity (signed with the admin credential, the app's back end calling): the identity of
 * one of the back end's own users, named under the pool's developer provider, linked to it on the first call (with
 * the call's other logins, verified), and an OpenID token for it, with the principal tags the back end gives and the
 * duration it asks (15 minutes by default, a day at most). The app then shows the token as its login,
 * {@code cognito-identity.amazonaws.com}, to GetCredentialsForIdentity, or to an STS.
 */
@ApplicationScoped
public class GetOpenIdTokenForDeveloperIdentity implements IdentityOperation {

    private static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);

    @Inject
    IdentityPools pools;

    @Inject
    Logins logins;

    @Inject
    DeveloperIdentities developers;

    @Inject
    OpenIdTokens tokens;

    @Override
    public String name() {
        return "GetOpenIdTokenForDeveloperIdentity";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        IdentityPool pool = pools.get(request.get("IdentityPoolId").asText());
        String provider = pool.developerProviderName().orElseThrow(() -> new ServiceException(
                "InvalidParameterException", "The identity pool has no developer provider name."));
        JsonNode given = request.path("Logins");
        String userId = given.path(provider).asText("");
        if (userId.isEmpty()) {
            throw new ServiceException("InvalidParameterException", "Logins must hold the identity pool's developer"
                    + " provider name, " + provider + ", with the user's identifier.");
        }
        ObjectNode others = given.deepCopy();
        others.remove(provider);
        List<Login> verified = logins.verify(pool, others);
        Optional<String> identityId = Optional.ofNullable(request.path("IdentityId").textValue());
        String identity;
        try {
            identity = developers.forDeveloperUser(pool, identityId, userId, verified);
        } catch (PersistenceException e) {
            // The same new user in two calls at once: the other call linked it first, and this one finds it.
            identity = developers.forDeveloperUser(pool, identityId, userId, verified);
        }
        Duration duration = request.has("TokenDuration") ? Duration.ofSeconds(request.get("TokenDuration").asLong())
                : DEFAULT_DURATION;
        List<String> amr = List.of("authenticated", provider, provider + ":" + pool.id() + ":" + userId);
        Map<String, String> tags = Json.stringMap(request.path("PrincipalTags"));
        String token = tokens.mint(pool.id(), identity, amr, tags, duration);
        return Json.MAPPER.createObjectNode().put("IdentityId", identity).put("Token", token);
    }
}
