package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.PrincipalTags;
import io.gatehouse.engine.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the identity-pool shapes of the service model. */
final class IdentityPoolShapes {

    private IdentityPoolShapes() {
    }

    /** {@code IdentityPool}, as CreateIdentityPool, DescribeIdentityPool and UpdateIdentityPool answer. */
    static ObjectNode pool(IdentityPool pool) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("IdentityPoolId", pool.id())
                .put("IdentityPoolName", pool.name())
                .put("AllowUnauthenticatedIdentities", pool.allowUnauthenticated())
                .put("AllowClassicFlow", pool.allowClassicFlow());
        if (!pool.supportedLoginProviders().isEmpty()) {
            out.set("SupportedLoginProviders", map(pool.supportedLoginProviders()));
        }
        pool.developerProviderName().ifPresent(name -> out.put("DeveloperProviderName", name));
        if (!pool.openIdConnectProviderArns().isEmpty()) {
            ArrayNode arns = out.putArray("OpenIdConnectProviderARNs");
            pool.openIdConnectProviderArns().forEach(arns::add);
        }
        if (!pool.cognitoIdentityProviders().isEmpty()) {
            ArrayNode providers = out.putArray("CognitoIdentityProviders");
            pool.cognitoIdentityProviders().forEach(p -> providers.addObject()
                    .put("ProviderName", p.providerName()).put("ClientId", p.clientId())
                    .put("ServerSideTokenCheck", p.serverSideTokenCheck()));
        }
        if (!pool.samlProviderArns().isEmpty()) {
            ArrayNode arns = out.putArray("SamlProviderARNs");
            pool.samlProviderArns().forEach(arns::add);
        }
        if (!pool.tags().isEmpty()) {
            out.set("IdentityPoolTags", map(pool.tags()));
        }
        return out;
    }

    /** A principal tag map, as SetPrincipalTagAttributeMap and GetPrincipalTagAttributeMap answer. */
    static ObjectNode principalTags(String poolId, String provider, PrincipalTags tags) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("IdentityPoolId", poolId)
                .put("IdentityProviderName", provider)
                .put("UseDefaults", tags.useDefaults());
        if (!tags.tags().isEmpty()) {
            out.set("PrincipalTags", map(tags.tags()));
        }
        return out;
    }

    /** A string-to-string map shape. */
    static ObjectNode map(Map<String, String> map) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        map.forEach(out::put);
        return out;
    }

    /** A validated string-to-string map member of a request; empty when absent. */
    static Map<String, String> stringMap(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** A validated list of strings of a request; empty when absent. */
    static List<String> stringList(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }
}
