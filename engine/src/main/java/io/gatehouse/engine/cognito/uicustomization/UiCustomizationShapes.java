package io.gatehouse.engine.cognito.uicustomization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.uicustomization.UiCustomization;
import io.gatehouse.engine.uicustomization.UiCustomizations;

import java.time.Instant;
import java.util.Optional;

/** Reads and writes the UI customization shapes of the service model. */
final class UiCustomizationShapes {

    private UiCustomizationShapes() {
    }

    static String text(JsonNode request, String member) {
        return request.hasNonNull(member) ? request.get(member).asText() : null;
    }

    /**
     * The answer of both operations: {@code UICustomizationType}, which for a scope with no customization holds
     * only the pool and client ids, as in Cognito.
     *
     * @param clientId the client asked about, or null for the pool-wide default
     */
    static ObjectNode response(Optional<UiCustomization> customization, String userPoolId, String clientId,
                               UiCustomizations customizations) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("UICustomization", customization.map(c -> customization(c, customizations))
                .orElseGet(() -> Json.MAPPER.createObjectNode().put("UserPoolId", userPoolId)
                        .put("ClientId", clientId == null ? UiCustomization.ALL_CLIENTS : clientId)));
        return response;
    }

    private static ObjectNode customization(UiCustomization c, UiCustomizations customizations) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("UserPoolId", c.userPoolId())
                .put("ClientId", c.clientId());
        customizations.logoUrl(c).ifPresent(url -> out.put("ImageUrl", url));
        if (c.css() != null) {
            // Any string that changes with the CSS will do: Cognito documents none in particular.
            out.put("CSS", c.css()).put("CSSVersion", Long.toString(c.modifiedAt()));
        }
        return out.put("LastModifiedDate", Json.epochSeconds(Instant.ofEpochMilli(c.modifiedAt())))
                .put("CreationDate", Json.epochSeconds(Instant.ofEpochMilli(c.createdAt())));
    }
}
