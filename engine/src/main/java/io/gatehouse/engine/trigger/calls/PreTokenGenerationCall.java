package io.gatehouse.engine.trigger.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.GroupOverrides;
import io.gatehouse.api.trigger.PreTokenGenerationEvent;
import io.gatehouse.api.trigger.PreTokenGenerationResponse;
import io.gatehouse.api.trigger.TokenOverrides;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.trigger.TriggerCall;
import io.gatehouse.engine.trigger.TriggerFailure;
import io.gatehouse.engine.trigger.TriggerJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PreTokenGeneration, in the shape of the event version the pool asks for. {@code request}: {userAttributes,
 * groupConfiguration{groupsToOverride, iamRolesToOverride, preferredRole}, clientMetadata}, and in V2 and V3
 * {@code scopes}. {@code response}: V1 {@code claimsOverrideDetails{claimsToAddOrOverride, claimsToSuppress,
 * groupOverrideDetails}} (the ID token only); V2 and V3 {@code claimsAndScopeOverrideDetails{idTokenGeneration{
 * claimsToAddOrOverride, claimsToSuppress}, accessTokenGeneration{claimsToAddOrOverride, claimsToSuppress,
 * scopesToAdd, scopesToSuppress}, groupOverrideDetails}}. A V1 function's V2 answer (or the reverse) changes
 * nothing, as in Cognito, which reads only its version's member. Claim values keep their JSON types.
 */
public final class PreTokenGenerationCall implements TriggerCall<PreTokenGenerationEvent, PreTokenGenerationResponse> {

    public static final PreTokenGenerationCall V1 = new PreTokenGenerationCall(false);
    public static final PreTokenGenerationCall V2_AND_V3 = new PreTokenGenerationCall(true);

    private final boolean accessTokens;

    private PreTokenGenerationCall(boolean accessTokens) {
        this.accessTokens = accessTokens;
    }

    /** The call for an event version: {@code "1"}, {@code "2"} or {@code "3"}. */
    public static PreTokenGenerationCall forVersion(String version) {
        return "1".equals(version) ? V1 : V2_AND_V3;
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.PRE_TOKEN_GENERATION;
    }

    @Override
    public TriggerContext context(PreTokenGenerationEvent event) {
        return event.context();
    }

    @Override
    public ObjectNode request(PreTokenGenerationEvent event) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.set("userAttributes", TriggerJson.object(event.userAttributes()));
        ObjectNode groups = request.putObject("groupConfiguration");
        groups.set("groupsToOverride", TriggerJson.array(event.groupConfiguration().groupsToOverride()));
        groups.set("iamRolesToOverride", TriggerJson.array(event.groupConfiguration().iamRolesToOverride()));
        event.groupConfiguration().preferredRole().ifPresentOrElse(role -> groups.put("preferredRole", role),
                () -> groups.putNull("preferredRole"));
        if (accessTokens) {
            request.set("scopes", TriggerJson.array(event.scopes()));
        }
        request.set("clientMetadata", TriggerJson.object(event.clientMetadata()));
        return request;
    }

    @Override
    public PreTokenGenerationResponse response(JsonNode response) throws TriggerFailure {
        if (!accessTokens) {
            JsonNode details = object(response, "claimsOverrideDetails");
            if (details.isMissingNode()) {
                return new PreTokenGenerationResponse(TokenOverrides.NONE, TokenOverrides.NONE, Optional.empty());
            }
            return new PreTokenGenerationResponse(overrides(details, false), TokenOverrides.NONE, groups(details));
        }
        JsonNode details = object(response, "claimsAndScopeOverrideDetails");
        if (details.isMissingNode()) {
            return new PreTokenGenerationResponse(TokenOverrides.NONE, TokenOverrides.NONE, Optional.empty());
        }
        JsonNode id = object(details, "idTokenGeneration");
        JsonNode access = object(details, "accessTokenGeneration");
        return new PreTokenGenerationResponse(id.isMissingNode() ? TokenOverrides.NONE : overrides(id, false),
                access.isMissingNode() ? TokenOverrides.NONE : overrides(access, true), groups(details));
    }

    @Override
    public PreTokenGenerationResponse call(TriggerProvider provider, PreTokenGenerationEvent event)
            throws TriggerException {
        return provider.preTokenGeneration(event);
    }

    private static TokenOverrides overrides(JsonNode details, boolean scopes) throws TriggerFailure {
        JsonNode add = object(details, "claimsToAddOrOverride");
        Map<String, Object> claims = new LinkedHashMap<>();
        if (!add.isMissingNode()) {
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) add::fields) {
                if (!entry.getValue().isNull()) {
                    claims.put(entry.getKey(), Json.MAPPER.convertValue(entry.getValue(), Object.class));
                }
            }
        }
        return new TokenOverrides(claims, TriggerJson.stringList(details, "claimsToSuppress"),
                scopes ? TriggerJson.stringList(details, "scopesToAdd") : List.of(),
                scopes ? TriggerJson.stringList(details, "scopesToSuppress") : List.of());
    }

    private static Optional<GroupOverrides> groups(JsonNode details) throws TriggerFailure {
        JsonNode groups = object(details, "groupOverrideDetails");
        if (groups.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new GroupOverrides(TriggerJson.stringList(groups, "groupsToOverride"),
                TriggerJson.stringList(groups, "iamRolesToOverride"), TriggerJson.text(groups, "preferredRole")));
    }

    /** An object member; absent or null is the missing node. */
    private static JsonNode object(JsonNode parent, String field) throws TriggerFailure {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isObject()) {
            throw TriggerJson.invalid(field + " is not an object");
        }
        return value;
    }
}
