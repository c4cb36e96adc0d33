package io.gatehouse.it.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * The ways the fuzzer turns a well-shaped request into a call: sent as made, or broken in one way. Each kind says
 * what it breaks; {@link #weight} is how often it is chosen.
 */
enum ApiMutation {

    /** The request as generated: reaches the handler with the fixture's ids. */
    NONE(30) {
        @Override
        ApiCase apply(Context c) {
            return c.json(c.request());
        }
    },
    /** A member left out, anywhere in the tree (a required one is the validator's; a nested one often too). */
    DROP_MEMBER(6) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            JsonSlots.Slot slot = JsonSlots.any(request, c.random());
            if (slot != null) {
                slot.remove();
            }
            return c.json(request);
        }
    },
    /** A value of another JSON type: a number for a string, an object for a list, and so on. */
    WRONG_TYPE(8) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            JsonSlots.Slot slot = JsonSlots.any(request, c.random());
            if (slot != null) {
                slot.set(c.oddValue());
            }
            return c.json(request);
        }
    },
    /** A null where a value was. */
    NULL_VALUE(4) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            JsonSlots.Slot slot = JsonSlots.any(request, c.random());
            if (slot != null) {
                slot.set(JSON.nullNode());
            }
            return c.json(request);
        }
    },
    /** A string of thousands to most of a megabyte. */
    HUGE_STRING(4) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            JsonSlots.Slot slot = JsonSlots.text(request, c.random());
            String huge = "x\u00e9\u65e5".repeat(List.of(1_500, 30_000, 200_000).get(c.random().nextInt(3)));
            if (slot != null) {
                slot.set(JSON.textNode(huge));
            } else {
                request.put("Huge", huge);
            }
            return c.json(request);
        }
    },
    /** Control characters, odd Unicode, an escaped lone surrogate and injection-shaped text in a string. */
    ODD_CHARACTERS(8) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            JsonSlots.Slot slot = JsonSlots.text(request, c.random());
            if (slot == null) {
                return c.json(request);
            }
            String before = slot.get().asText();
            String odd = List.of("\u0000", "\u0001\u0002", "\uFFFF", "\uFEFF", "\u202E", "\r\n", LONE_SURROGATE,
                    "%00", "'\"", "\\", "\uD83D\uDE00", "\u00A0", " ").get(c.random().nextInt(13));
            int at = c.random().nextInt(before.length() + 1);
            slot.set(JSON.textNode(before.substring(0, at) + odd + before.substring(at)));
            return c.json(request);
        }
    },
    /** Arrays or objects nested tens to thousands deep in place of a value. */
    DEEP_NESTING(3) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            int depth = List.of(20, 400, 1_100, 5_000).get(c.random().nextInt(4));
            boolean arrays = c.random().nextBoolean();
            StringBuilder open = new StringBuilder();
            StringBuilder close = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                open.append(arrays ? "[" : "{\"a\":");
                close.append(arrays ? "]" : "}");
            }
            request.put("Nested", "@NESTED@");
            JsonSlots.Slot slot = JsonSlots.any(request, c.random());
            slot.set(JSON.textNode("@NESTED@"));
            String body = c.write(request).replaceFirst("\"@NESTED@\"", open + "1" + close)
                    .replace("\"@NESTED@\"", "0");
            return c.raw(body.getBytes(StandardCharsets.UTF_8));
        }
    },
    /** Numbers at and past the edges: huge, negative, fractional, exponent overflow. */
    NUMBER_EDGES(5) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            List<JsonSlots.Slot> numbers = JsonSlots.all(request).stream().filter(s -> s.get().isNumber()).toList();
            JsonSlots.Slot slot = numbers.isEmpty() ? JsonSlots.any(request, c.random())
                    : numbers.get(c.random().nextInt(numbers.size()));
            JsonNode edge = List.<JsonNode>of(JSON.numberNode(Long.MAX_VALUE), JSON.numberNode(Long.MIN_VALUE),
                    JSON.numberNode(-1), JSON.numberNode(0), JSON.numberNode(2.5),
                    JSON.numberNode(Integer.MAX_VALUE + 1L),
                    JSON.numberNode(new BigInteger("123456789012345678901234567890")),
                    JSON.numberNode(new BigDecimal("1e400")), JSON.numberNode(-0.0)).get(c.random().nextInt(9));
            if (slot != null) {
                slot.set(edge);
            }
            return c.json(request);
        }
    },
    /** Members the model does not have, beside the real ones: AWS ignores them. */
    UNKNOWN_MEMBERS(3) {
        @Override
        ApiCase apply(Context c) {
            ObjectNode request = c.request();
            request.put("__proto__", "x").put("Unknown", 1).putObject("constructor").put("prototype", true);
            return c.json(request);
        }
    },
    /** A well-shaped request for another operation: right types, wrong meaning. */
    OTHER_OPERATION(6) {
        @Override
        ApiCase apply(Context c) {
            return c.json(c.requestOfAnotherOperation());
        }
    },
    /** JSON broken on the byte level: cut short, a byte flipped, garbage in the middle. */
    BROKEN_JSON(5) {
        @Override
        ApiCase apply(Context c) {
            byte[] body = c.write(c.request()).getBytes(StandardCharsets.UTF_8);
            Random r = c.random();
            switch (r.nextInt(3)) {
                case 0 -> body = java.util.Arrays.copyOf(body, r.nextInt(body.length));
                case 1 -> body[r.nextInt(body.length)] = (byte) r.nextInt(256);
                default -> {
                    int at = r.nextInt(body.length);
                    byte[] junk = "\u0000}{][,:\"\\".getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[body.length + junk.length];
                    System.arraycopy(body, 0, out, 0, at);
                    System.arraycopy(junk, 0, out, at, junk.length);
                    System.arraycopy(body, at, out, at + junk.length, body.length - at);
                    body = out;
                }
            }
            return c.raw(body);
        }
    },
    /** Bodies that are JSON but not an object, or not UTF-8, or two documents, or duplicate members. */
    ODD_BODY(4) {
        @Override
        ApiCase apply(Context c) {
            String request = c.write(c.request());
            List<byte[]> bodies = List.of(new byte[0], bytes("null"), bytes("[]"), bytes("\"x\""), bytes("1e999"),
                    bytes(request + request), bytes("\uFEFF" + request),
                    new byte[] {'{', '"', 'U', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                    bytes(request.replaceFirst("\\{", "{\"UserPoolId\":1,")),
                    bytes(request.replaceFirst("\\{", "{\"UserPoolId\":\"" + c.fixture().poolId() + "\",")));
            return c.raw(bodies.get(c.random().nextInt(bodies.size())));
        }
    },
    /** A missing, foreign or odd Content-Type. */
    CONTENT_TYPE(3) {
        @Override
        ApiCase apply(Context c) {
            ApiCase json = c.json(c.request());
            String type = List.of("", "application/json", "text/plain", "application/x-amz-json-1.0",
                    "application/x-amz-json-1.1; charset=ISO-8859-1", "APPLICATION/X-AMZ-JSON-1.1",
                    "multipart/form-data; boundary=x").get(c.random().nextInt(7));
            return new ApiCase(json.operation(), json.target(), type.isEmpty() ? null : type, json.signed(),
                    json.body(), name());
        }
    },
    /** X-Amz-Target missing, unknown, of another service, cased differently, or with junk around it. */
    TARGET(3) {
        @Override
        ApiCase apply(Context c) {
            ApiCase json = c.json(c.request());
            String prefix = c.targetPrefix();
            String op = json.operation();
            String target = List.of("", prefix + ".", prefix + "." + op + " ", prefix.toLowerCase() + "." + op,
                    "AWSCognitoIdentityService." + op, prefix + "." + op + ".x", prefix + ".." + op,
                    prefix + ".\u00e9" + op, "x".repeat(5000), prefix + ".constructor").get(c.random().nextInt(10));
            return new ApiCase(op, target.isEmpty() ? null : target, json.contentType(), json.signed(), json.body(),
                    name());
        }
    },
    /** A signed operation sent without a signature, or a public one with one. */
    SIGNATURE(3) {
        @Override
        ApiCase apply(Context c) {
            ApiCase json = c.json(c.request());
            return new ApiCase(json.operation(), json.target(), json.contentType(), !json.signed(), json.body(),
                    name());
        }
    };

    static final String LONE_SURROGATE = "@LONE-SURROGATE@";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final int weight;

    ApiMutation(int weight) {
        this.weight = weight;
    }

    abstract ApiCase apply(Context c);

    static ApiMutation pick(Random random) {
        int total = 0;
        for (ApiMutation m : values()) {
            total += m.weight;
        }
        int at = random.nextInt(total);
        for (ApiMutation m : values()) {
            at -= m.weight;
            if (at < 0) {
                return m;
            }
        }
        throw new IllegalStateException();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What a mutation works with: the operation, a fresh request for it, and the generator for others. */
    record Context(ServiceShapes.Operation operation, ShapeGenerator generator, ServiceShapes shapes,
                   FuzzFixture fixture, Random random, ApiMutation mutation) {

        ObjectNode request() {
            return generator.request(operation.inputShape());
        }

        ObjectNode requestOfAnotherOperation() {
            List<ServiceShapes.Operation> all = shapes.operations();
            return generator.request(all.get(random.nextInt(all.size())).inputShape());
        }

        String targetPrefix() {
            return shapes.targetPrefix();
        }

        JsonNode oddValue() {
            return switch (random.nextInt(6)) {
                case 0 -> JSON.numberNode(random.nextInt());
                case 1 -> JSON.textNode("x");
                case 2 -> JSON.booleanNode(true);
                case 3 -> JSON.arrayNode().add("x");
                case 4 -> JSON.objectNode().put("x", "y");
                default -> JSON.numberNode(1.5);
            };
        }

        String write(JsonNode request) {
            try {
                // Jackson writes a lone surrogate as '?', so the mutation leaves a marker replaced by its escape.
                return ServiceShapes.JSON.writeValueAsString(request).replace(LONE_SURROGATE, "\\ud800");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        ApiCase json(JsonNode request) {
            return raw(write(request).getBytes(StandardCharsets.UTF_8));
        }

        ApiCase raw(byte[] body) {
            return new ApiCase(operation.name(), shapes.targetPrefix() + "." + operation.name(),
                    "application/x-amz-json-1.1", operation.signed(), body, mutation.name());
        }
    }
}
