package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.federation.IdentityProviderChanges;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads and writes the identity provider shapes of the service model. */
final class IdentityProviderShapes {

    private IdentityProviderShapes() {
    }

    /** What a validated CreateIdentityProvider or UpdateIdentityProvider request sets. */
    static IdentityProviderChanges changes(JsonNode request) {
        return new IdentityProviderChanges(map(request.get("ProviderDetails")), map(request.get("AttributeMapping")),
                Optional.ofNullable(request.get("IdpIdentifiers")).map(list -> {
                    List<String> identifiers = new ArrayList<>();
                    list.forEach(i -> identifiers.add(i.asText()));
                    return identifiers;
                }));
    }

    /** {@code {"IdentityProvider": IdentityProviderType}}. */
    static ObjectNode wrapped(PoolIdentityProvider idp) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ObjectNode out = response.putObject("IdentityProvider")
                .put("UserPoolId", idp.userPoolId())
                .put("ProviderName", idp.providerName())
                .put("ProviderType", idp.providerType());
        out.set("ProviderDetails", Json.MAPPER.valueToTree(new TreeMap<>(idp.details())));
        out.set("AttributeMapping", Json.MAPPER.valueToTree(new TreeMap<>(idp.attributeMapping())));
        out.set("IdpIdentifiers", Json.MAPPER.valueToTree(idp.idpIdentifiers()));
        out.put("LastModifiedDate", Json.epochSeconds(idp.lastModified()))
                .put("CreationDate", Json.epochSeconds(idp.created()));
        return response;
    }

    /** {@code ProviderDescription}. */
    static ObjectNode description(PoolIdentityProvider idp) {
        return Json.MAPPER.createObjectNode()
                .put("ProviderName", idp.providerName())
                .put("ProviderType", idp.providerType())
                .put("LastModifiedDate", Json.epochSeconds(idp.lastModified()))
                .put("CreationDate", Json.epochSeconds(idp.created()));
    }

    private static Optional<Map<String, String>> map(JsonNode object) {
        if (object == null) {
            return Optional.empty();
        }
        Map<String, String> values = new TreeMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
        return Optional.of(values);
    }
}
