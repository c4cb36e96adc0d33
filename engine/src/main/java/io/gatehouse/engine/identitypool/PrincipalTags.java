package io.gatehouse.engine.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which claims of a provider's tokens become the principal tags of the session (SetPrincipalTagAttributeMap): tag
 * name to claim name. A provider without a map maps nothing, as in Cognito, where attributes for access control are
 * opted into per provider.
 *
 * @param useDefaults whether the map is Cognito's default one ({@link #DEFAULTS}) rather than the pool's own
 * @param tags        tag name to claim name
 */
public record PrincipalTags(boolean useDefaults, Map<String, String> tags) {

    /** Cognito's default map: the user's subject and the client the token was issued to. */
    public static final Map<String, String> DEFAULTS = Map.of("username", "sub", "client", "aud");

    /** A provider that has not been given a map. */
    public static final PrincipalTags NONE = new PrincipalTags(false, Map.of());

    public PrincipalTags {
        tags = Map.copyOf(tags);
    }

    /** The map a request asks for: the defaults when it says so (its own tags are then ignored, as Cognito does). */
    static PrincipalTags of(boolean useDefaults, Map<String, String> tags) {
        return useDefaults ? new PrincipalTags(true, DEFAULTS) : new PrincipalTags(false, tags);
    }

    /** The maps of a pool as stored: {@code {"<provider>": {"UseDefaults", "PrincipalTags"}}}. */
    static Map<String, PrincipalTags> parseAll(JsonNode stored) {
        Map<String, PrincipalTags> maps = new LinkedHashMap<>();
        stored.properties().forEach(e -> maps.put(e.getKey(), new PrincipalTags(
                e.getValue().path("UseDefaults").asBoolean(false),
                Json.stringMap(e.getValue().path("PrincipalTags")))));
        return maps;
    }

    static ObjectNode writeAll(Map<String, PrincipalTags> maps) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        maps.forEach((provider, map) -> out.putObject(provider).put("UseDefaults", map.useDefaults())
                .set("PrincipalTags", Json.object(map.tags())));
        return out;
    }
}
