package io.gatehouse.engine.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.api.trigger.GroupConfiguration;
import io.gatehouse.api.trigger.GroupOverrides;
import io.gatehouse.api.trigger.PreTokenGenerationEvent;
import io.gatehouse.api.trigger.PreTokenGenerationResponse;
import io.gatehouse.api.trigger.TokenOverrides;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.trigger.ConfiguredTrigger;
import io.gatehouse.engine.trigger.Triggers;
import io.gatehouse.engine.trigger.calls.PreTokenGenerationCall;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's pre token generation trigger, run just before tokens are signed, and what it answered applied to their
 * claims: V1 changes the ID token, V2 and V3 the ID and access tokens and the access token's scopes, and V3 alone is
 * called for the client credentials grant. Claims that identify the token, its user or its sign-in are Cognito's
 * to set and are left as they are whatever the trigger says; the group claims change through the group overrides
 * only.
 */
@ApplicationScoped
public class PreTokenGeneration {

    /** The claims no trigger changes or suppresses in either token (Cognito's list). */
    static final Set<String> RESERVED = Set.of("acr", "amr", "aud", "at_hash", "auth_time", "azp",
            "cognito:username", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce", "origin_jti", "sub",
            "token_use", "event_id");
    /** The access token's claims that change only through scopes or not at all. */
    static final Set<String> RESERVED_ACCESS = Set.of("scope", "client_id", "username", "device_key", "version");
    /** The claims the group overrides set. */
    static final Set<String> GROUP_CLAIMS = Set.of("cognito:groups", "cognito:roles", "cognito:preferred_role");

    @Inject
    Triggers triggers;

    /** What the trigger decided for one issue of tokens: nothing, when the pool has no such trigger. */
    public record Decision(String version, PreTokenGenerationResponse response) {

        static final Decision NONE = new Decision("1", new PreTokenGenerationResponse(TokenOverrides.NONE,
                TokenOverrides.NONE, Optional.empty()));

        /** The ID token's claims, changed. */
        public JWTClaimsSet id(JWTClaimsSet claims) {
            Map<String, Object> values = new LinkedHashMap<>(claims.toJSONObject());
            response.groupOverrides().ifPresent(groups -> {
                put(values, "cognito:groups", groups.groupsToOverride());
                put(values, "cognito:roles", groups.iamRolesToOverride());
                values.remove("cognito:preferred_role");
                groups.preferredRole().ifPresent(role -> values.put("cognito:preferred_role", role));
            });
            apply(values, response.idToken(), RESERVED);
            return parse(values);
        }

        /** The access token's claims, changed (V2 and V3: claims and scopes; every version: the groups). */
        public JWTClaimsSet access(JWTClaimsSet claims) {
            Map<String, Object> values = new LinkedHashMap<>(claims.toJSONObject());
            response.groupOverrides().ifPresent(groups -> put(values, "cognito:groups", groups.groupsToOverride()));
            if (!"1".equals(version)) {
                Set<String> reserved = new LinkedHashSet<>(RESERVED);
                reserved.addAll(RESERVED_ACCESS);
                apply(values, response.accessToken(), reserved);
                Object scope = values.get("scope");
                Set<String> scopes = new LinkedHashSet<>();
                if (scope instanceof String text && !text.isBlank()) {
                    scopes.addAll(List.of(text.trim().split(" +")));
                }
                scopes.addAll(response.accessToken().scopesToAdd());
                response.accessToken().scopesToSuppress().forEach(scopes::remove);
                scopes.removeIf(s -> s.isBlank() || s.contains(" "));
                if (scopes.isEmpty()) {
                    values.remove("scope");
                } else {
                    values.put("scope", String.join(" ", scopes));
                }
            }
            return parse(values);
        }

        private static void put(Map<String, Object> values, String claim, List<String> list) {
            if (list.isEmpty()) {
                values.remove(claim);
            } else {
                values.put(claim, new ArrayList<>(list));
            }
        }

        private static void apply(Map<String, Object> values, TokenOverrides overrides, Set<String> reserved) {
            overrides.claimsToAddOrOverride().forEach((name, value) -> {
                if (!reserved.contains(name) && !GROUP_CLAIMS.contains(name)) {
                    values.put(name, value);
                }
            });
            // A claim both set and suppressed is suppressed, as in Cognito.
            overrides.claimsToSuppress().forEach(name -> {
                if (!reserved.contains(name)) {
                    values.remove(name);
                }
            });
        }

        private static JWTClaimsSet parse(Map<String, Object> values) {
            try {
                return JWTClaimsSet.parse(values);
            } catch (ParseException e) {
                throw new IllegalStateException("claims that do not make a token", e);
            }
        }
    }

    /**
     * Runs the pool's trigger, if it has one that applies.
     *
     * @param user       the user, or empty for the client credentials grant (run for V3 triggers only)
     * @param attributes the user's attributes as the event shows them
     * @param groups     the groups the tokens would carry
     * @param scopes     the access token's scopes
     * @throws io.gatehouse.engine.error.ServiceException the trigger's failure, as {@link Triggers#run} reports it
     */
    public Decision decide(UserPool pool, UserPoolClient client, Optional<UserRecord> user,
                           Map<String, String> attributes, GroupConfiguration groups, List<String> scopes,
                           TokenGeneration generation) {
        Optional<ConfiguredTrigger> trigger = triggers.configured(pool, TriggerKind.PRE_TOKEN_GENERATION);
        if (trigger.isEmpty() || (user.isEmpty() && !"3".equals(trigger.get().version()))) {
            return Decision.NONE;
        }
        ConfiguredTrigger configured = trigger.get();
        PreTokenGenerationCall call = PreTokenGenerationCall.forVersion(configured.version());
        PreTokenGenerationEvent event = new PreTokenGenerationEvent(triggers.context(pool, configured,
                generation.triggerSource(), user.map(UserRecord::username).orElse(client.clientId()),
                Optional.of(client.clientId())), attributes, groups, scopes, generation.clientMetadata());
        return triggers.run(pool, configured, call, event)
                .map(response -> new Decision(configured.version(), response)).orElse(Decision.NONE);
    }
}
