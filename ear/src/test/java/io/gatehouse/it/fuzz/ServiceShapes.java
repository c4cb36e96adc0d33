package io.gatehouse.it.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Cognito service model the engine validates against (the same file, read from the engine's sources), as the
 * fuzzer needs it: every operation with its input shape and whether it is signed, and every shape.
 */
final class ServiceShapes {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One operation of the model. */
    record Operation(String name, String inputShape, boolean signed) {
    }

    private final JsonNode model;
    private final List<Operation> operations = new ArrayList<>();

    private ServiceShapes(JsonNode model) {
        this.model = model;
        for (Map.Entry<String, JsonNode> op : model.path("operations").properties()) {
            operations.add(new Operation(op.getKey(), op.getValue().path("input").path("shape").asText(null),
                    !"none".equals(op.getValue().path("authtype").asText())));
        }
    }

    static ServiceShapes load() {
        try {
            return new ServiceShapes(JSON.readTree(Files.readString(
                    Path.of(Gatehouse.property("gatehouse.it.service.model")))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    String targetPrefix() {
        return model.path("metadata").path("targetPrefix").asText();
    }

    JsonNode shape(String name) {
        JsonNode shape = model.path("shapes").get(name);
        if (shape == null) {
            throw new IllegalArgumentException("no shape " + name);
        }
        return shape;
    }
}
