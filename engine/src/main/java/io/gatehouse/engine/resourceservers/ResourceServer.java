package io.gatehouse.engine.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatehouse.engine.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * An API of the pool's and the scopes it defines; access tokens carry them as {@code <identifier>/<scope>}.
 *
 * @param userPoolId its pool
 * @param identifier its identifier, often the API's URL
 * @param name       a friendly name
 * @param scopes     its scopes
 */
public record ResourceServer(String userPoolId, String identifier, String name, List<Scope> scopes) {

    public ResourceServer {
        scopes = List.copyOf(scopes);
    }

    /** One custom scope. */
    public record Scope(String name, String description) {

        /** The scopes of a ResourceServerScopeListType (or its stored JSON). */
        static List<Scope> parse(JsonNode list) {
            List<Scope> scopes = new ArrayList<>();
            list.forEach(s -> scopes.add(new Scope(s.path("ScopeName").asText(), s.path("ScopeDescription").asText())));
            return scopes;
        }

        static List<Scope> parse(String json) {
            try {
                return parse(Json.MAPPER.readTree(json));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a stored resource server's scopes are corrupt", e);
            }
        }

        static String write(List<Scope> scopes) {
            ArrayNode list = Json.MAPPER.createArrayNode();
            scopes.forEach(s -> list.addObject().put("ScopeName", s.name()).put("ScopeDescription", s.description()));
            return Json.write(list);
        }
    }

    /** The full names of its scopes: {@code <identifier>/<scope>}. */
    public List<String> fullScopeNames() {
        return scopes.stream().map(s -> identifier + "/" + s.name()).toList();
    }
}
