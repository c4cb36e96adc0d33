package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.CodeDelivery;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes the user shapes of the service model. */
final class UserShapes {

    private UserShapes() {
    }

    /** {@code AttributeListType} to a map; a name given twice is an error. */
    static Map<String, String> attributes(JsonNode list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : list) {
            String name = attribute.path("Name").asText();
            if (attributes.put(name, attribute.path("Value").asText("")) != null) {
                throw ServiceException.invalidParameter("Duplicate attribute name: " + name);
            }
        }
        return attributes;
    }

    /** {@code CodeDeliveryDetailsType}. */
    static ObjectNode delivery(CodeDelivery delivery) {
        return Json.MAPPER.createObjectNode()
                .put("Destination", delivery.destination())
                .put("DeliveryMedium", delivery.medium())
                .put("AttributeName", delivery.attribute());
    }

    static String text(JsonNode request, String member) {
        return request.path(member).isMissingNode() ? null : request.path(member).asText();
    }
}
