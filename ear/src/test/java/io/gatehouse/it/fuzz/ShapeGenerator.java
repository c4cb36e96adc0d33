package io.gatehouse.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Makes requests that fit an operation's input shape: every required member, some optional ones, strings within
 * their lengths and patterns, numbers in range, enums from their values, and, for the members that name things,
 * mostly the {@link FuzzFixture}'s real ids, so that most calls reach the handler's logic rather than the
 * validator or "not found". Strings are drawn from palettes that mix plain words with Unicode, control characters
 * and injection-shaped text, kept only where the member's pattern allows them.
 */
final class ShapeGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 7;

    /** Pieces strings are made of, one palette per string. */
    private static final List<List<String>> PALETTES = List.of(
            List.of("a", "b", "z", "K", "0", "7", "_", "-", "fuzz", "user", "x"),
            List.of("a", " ", "!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", "+", ",", ".", "/", ":", ";", "<",
                    "=", ">", "?", "@", "[", "\\", "]", "^", "`", "{", "|", "}", "~"),
            List.of("é", "ß", "日本", "한국어", "Ω", "👩‍💻", "\u0301", "\u200B", "\u202E", "\uFEFF", "𝔘", "ـ", "א"),
            List.of("\u0000", "\u0007", "\t", "\n", "\r", "\u007F", "\u001B", "\u2028", "a"),
            List.of("' OR '1'='1", "\"; DROP TABLE user_pool; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
                    "%s%n%x", "../../etc/passwd", "{{7*7}}", "#{7*7}", "\\u0000", "%00", "a%0d%0aSet-Cookie:x=1"));

    private final ServiceShapes shapes;
    private final FuzzFixture fixture;
    private final Random random;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    ShapeGenerator(ServiceShapes shapes, FuzzFixture fixture, Random random) {
        this.shapes = shapes;
        this.fixture = fixture;
        this.random = random;
    }

    /** A request for {@code shapeName}, an operation's input. */
    ObjectNode request(String shapeName) {
        if (shapeName == null) {
            return JSON.objectNode();
        }
        return (ObjectNode) value(shapeName, "", 0);
    }

    JsonNode value(String shapeName, String member, int depth) {
        JsonNode shape = shapes.shape(shapeName);
        switch (shape.path("type").asText()) {
            case "structure":
                return structure(shape, depth);
            case "string":
                return JSON.textNode(string(shape, member));
            case "integer":
            case "long":
                return JSON.numberNode(integral(shape, member));
            case "double":
            case "float":
                return JSON.numberNode(random.nextInt(1000) / 10.0);
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            case "timestamp":
                return JSON.numberNode(System.currentTimeMillis() / 1000 + random.nextInt(20000) - 10000);
            case "blob":
                byte[] bytes = new byte[random.nextInt(48)];
                random.nextBytes(bytes);
                return JSON.textNode(Base64.getEncoder().encodeToString(bytes));
            case "list":
                return list(shape, member, depth);
            case "map":
                return map(shapeName, shape, depth);
            default:
                return JSON.nullNode();
        }
    }

    private JsonNode structure(JsonNode shape, int depth) {
        ObjectNode out = JSON.objectNode();
        if (shape.path("document").asBoolean(false)) {
            return out.put("fuzz", random.nextInt());
        }
        List<String> required = new ArrayList<>();
        shape.path("required").forEach(r -> required.add(r.asText()));
        double optional = depth >= MAX_DEPTH ? 0 : 0.55 / (1 + depth);
        for (Map.Entry<String, JsonNode> member : shape.path("members").properties()) {
            if (required.contains(member.getKey()) || random.nextDouble() < optional) {
                out.set(member.getKey(), value(member.getValue().path("shape").asText(), member.getKey(), depth + 1));
            }
        }
        return out;
    }

    private JsonNode list(JsonNode shape, String member, int depth) {
        ArrayNode out = JSON.arrayNode();
        int min = shape.path("min").asInt(0);
        int max = Math.min(shape.path("max").asInt(4), Math.max(min, 4));
        int size = depth >= MAX_DEPTH ? min : min + random.nextInt(Math.max(1, max - min + 1));
        String memberShape = shape.path("member").path("shape").asText();
        for (int i = 0; i < size; i++) {
            out.add(value(memberShape, member, depth + 1));
        }
        return out;
    }

    private JsonNode map(String shapeName, JsonNode shape, int depth) {
        ObjectNode out = JSON.objectNode();
        List<String> keys = KnownValues.mapKeys(shapeName);
        int size = depth >= MAX_DEPTH ? 0 : random.nextInt(keys.isEmpty() ? 3 : Math.min(keys.size(), 5) + 1);
        String keyShape = shape.path("key").path("shape").asText();
        String valueShape = shape.path("value").path("shape").asText();
        for (int i = 0; i < size; i++) {
            String key = keys.isEmpty() || random.nextInt(10) == 0
                    ? string(shapes.shape(keyShape), "") : keys.get(random.nextInt(keys.size()));
            String known = pick(KnownValues.forMember(key, fixture), null);
            out.set(key, known == null || random.nextInt(8) == 0
                    ? value(valueShape, key, depth + 1) : JSON.textNode(known));
        }
        return out;
    }

    private long integral(JsonNode shape, String member) {
        long min = shape.has("min") ? shape.get("min").asLong() : 0;
        long max = shape.has("max") ? shape.get("max").asLong() : min + 1000;
        if (member.endsWith("Validity") || member.equals("MaxResults") || member.equals("Limit")) {
            max = Math.min(max, min + 60);
        }
        return switch (random.nextInt(6)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + (long) (random.nextDouble() * (max - min + 1));
        };
    }

    String string(JsonNode shape, String member) {
        if (shape.has("enum")) {
            JsonNode values = shape.get("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        String known = pick(KnownValues.forMember(member, fixture), null);
        if (known != null && random.nextInt(10) < 8) {
            return known;
        }
        int min = shape.path("min").asInt(0);
        int max = shape.path("max").asInt(256);
        Pattern pattern = shape.has("pattern") ? pattern(shape.get("pattern").asText()) : null;
        for (int attempt = 0; attempt < 24; attempt++) {
            String candidate = randomString(min, max);
            if (fits(candidate, min, max, pattern)) {
                return candidate;
            }
        }
        for (String sample : KnownValues.forPattern(shape.path("pattern").asText(), fixture)) {
            if (fits(sample, min, max, pattern)) {
                return sample;
            }
        }
        return known != null ? known : "a".repeat(Math.max(min, 1));
    }

    private String randomString(int min, int max) {
        List<String> palette = PALETTES.get(random.nextInt(10) < 6 ? 0 : random.nextInt(PALETTES.size()));
        int length = switch (random.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(Math.max(1, Math.min(max, min + 24) - min + 1));
        };
        StringBuilder out = new StringBuilder();
        while (out.codePointCount(0, out.length()) < length) {
            String piece = palette.get(random.nextInt(palette.size()));
            if (random.nextInt(4) == 0) {
                piece = PALETTES.get(0).get(random.nextInt(PALETTES.get(0).size()));
            }
            out.append(piece);
        }
        String text = out.toString();
        return text.codePointCount(0, text.length()) > length
                ? text.substring(0, text.offsetByCodePoints(0, length)) : text;
    }

    private static boolean fits(String text, int min, int max, Pattern pattern) {
        int length = text.codePointCount(0, text.length());
        return length >= min && length <= max && (pattern == null || pattern.matcher(text).matches());
    }

    private Pattern pattern(String regex) {
        return patterns.computeIfAbsent(regex, r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                return null;
            }
        });
    }

    <T> T pick(List<T> values, T otherwise) {
        return values.isEmpty() ? otherwise : values.get(random.nextInt(values.size()));
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }
}
