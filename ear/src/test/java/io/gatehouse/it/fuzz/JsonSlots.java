package io.gatehouse.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The places in a JSON tree where a value sits (a member of an object, an element of an array), to mutate one. */
final class JsonSlots {

    /** One place: its container and its name or index. */
    record Slot(JsonNode container, String field, int index) {

        JsonNode get() {
            return field != null ? container.get(field) : container.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) container).set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) container).remove(field);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }
    }

    private JsonSlots() {
    }

    static List<Slot> all(JsonNode root) {
        List<Slot> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    /** A random place, or null for an empty tree. */
    static Slot any(JsonNode root, Random random) {
        List<Slot> slots = all(root);
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    /** A random place holding a string, or null when there is none. */
    static Slot text(JsonNode root, Random random) {
        List<Slot> slots = all(root).stream().filter(s -> s.get().isTextual()).toList();
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                out.add(new Slot(node, member.getKey(), -1));
                collect(member.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }
}
