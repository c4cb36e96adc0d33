package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.engine.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito's trigger JSON: the envelope every event has, and strict readers of what functions answer (a field of the
 * wrong type is an unreadable answer, not a default).
 */
public final class TriggerJson {

    private TriggerJson() {
    }

    /** The event as sent: the envelope, the request, and an empty response for the function to fill in. */
    public static ObjectNode event(TriggerContext context, ObjectNode request) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", context.version());
        event.put("triggerSource", context.triggerSource());
        event.put("region", context.region());
        event.put("userPoolId", context.userPoolId());
        event.put("userName", context.userName());
        ObjectNode caller = event.putObject("callerContext");
        caller.put("awsSdkVersion", context.callerContext().awsSdkVersion());
        caller.put("clientId", context.callerContext().clientId());
        event.set("request", request);
        event.putObject("response");
        return event;
    }

    /** A string map as an object. */
    public static ObjectNode object(Map<String, String> values) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        values.forEach(node::put);
        return node;
    }

    /** A string list as an array. */
    public static com.fasterxml.jackson.databind.node.ArrayNode array(List<String> values) {
        var node = Json.MAPPER.createArrayNode();
        values.forEach(node::add);
        return node;
    }

    /** An answer's boolean field; absent or null is false. */
    public static boolean bool(JsonNode parent, String field) throws TriggerFailure {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw invalid(field + " is not a boolean");
        }
        return value.booleanValue();
    }

    /** An answer's string field; absent or null is empty. */
    public static Optional<String> text(JsonNode parent, String field) throws TriggerFailure {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field + " is not a string");
        }
        return Optional.of(value.textValue());
    }

    /** An answer's map of strings; absent or null is empty. */
    public static Map<String, String> stringMap(JsonNode parent, String field) throws TriggerFailure {
        JsonNode value = parent.path(field);
        Map<String, String> map = new LinkedHashMap<>();
        if (value.isMissingNode() || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw invalid(field + " is not an object");
        }
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
            if (!entry.getValue().isTextual()) {
                throw invalid(field + "." + entry.getKey() + " is not a string");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return map;
    }

    /** An answer's list of strings; absent or null is empty. */
    public static List<String> stringList(JsonNode parent, String field) throws TriggerFailure {
        JsonNode value = parent.path(field);
        List<String> list = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return list;
        }
        if (!value.isArray()) {
            throw invalid(field + " is not an array");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw invalid(field + " holds something other than strings");
            }
            list.add(item.textValue());
        }
        return list;
    }

    public static TriggerFailure invalid(String why) {
        return new TriggerFailure(TriggerFailure.Kind.INVALID_RESPONSE, why);
    }
}
