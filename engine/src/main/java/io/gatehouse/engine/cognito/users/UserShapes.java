package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.CodeDelivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    /**
     * A user's attributes as an {@code AttributeListType}: {@code sub} first, then by name; never the developer-only
     * ({@code dev:}) ones.
     *
     * @param only the names to include, or null for all
     */
    static ArrayNode attributeList(UserRecord user, Set<String> only) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        if (only == null || only.contains("sub")) {
            list.addObject().put("Name", "sub").put("Value", user.sub());
        }
        new TreeMap<>(user.attributes()).forEach((name, value) -> {
            if (!name.startsWith("dev:") && (only == null || only.contains(name))) {
                list.addObject().put("Name", name).put("Value", value);
            }
        });
        return list;
    }

    /** {@code UserType}, as AdminCreateUser and ListUsers return users. */
    static ObjectNode user(UserRecord user, Set<String> only) {
        ObjectNode shape = Json.MAPPER.createObjectNode()
                .put("Username", user.username());
        shape.set("Attributes", attributeList(user, only));
        shape.put("UserCreateDate", Json.epochSeconds(user.created()))
                .put("UserLastModifiedDate", Json.epochSeconds(user.lastModified()))
                .put("Enabled", user.enabled())
                .put("UserStatus", user.status().name());
        return shape;
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
