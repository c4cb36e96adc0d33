package io.gatehouse.engine.cognito.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS service model of a Cognito API (the user pools' {@code cognito-idp-2016-04-18} or the identity pools'
 * {@code cognito-identity-2014-06-30}, as botocore ships them):
 * every operation with its input shape, and every shape with its constraints. The wire edge validates requests
 * against it, so each operation gets AWS's own checks (required members, lengths, patterns, enums, ranges)
 * without restating them by hand.
 */
public final class ServiceModel {

    /** The user-pool API's model bundled with the engine. */
    public static final String COGNITO_IDP = "/io/gatehouse/engine/cognito/cognito-idp-2016-04-18.service-2.json";

    /** The identity-pool API's model bundled with the engine. */
    public static final String COGNITO_IDENTITY =
            "/io/gatehouse/engine/cognito/cognito-identity-2014-06-30.service-2.json";

    /**
     * One operation.
     *
     * @param name       the operation, for example {@code CreateUserPool}
     * @param inputShape the name of its input shape
     * @param signed     true when callers must sign with AWS Signature Version 4 (the model's operations
     *                   without {@code "authtype": "none"})
     */
    public record Operation(String name, String inputShape, boolean signed) {
    }

    private final String targetPrefix;
    private final Map<String, Operation> operations;
    private final JsonNode shapes;

    private ServiceModel(JsonNode root) {
        this.targetPrefix = root.path("metadata").path("targetPrefix").asText();
        this.shapes = root.path("shapes");
        Map<String, Operation> ops = new HashMap<>();
        for (Map.Entry<String, JsonNode> op : root.path("operations").properties()) {
            ops.put(op.getKey(), new Operation(op.getKey(),
                    op.getValue().path("input").path("shape").asText(null),
                    !"none".equals(op.getValue().path("authtype").asText())));
        }
        this.operations = Map.copyOf(ops);
    }

    /** Reads a model from the class path. */
    public static ServiceModel load(ObjectMapper mapper, String resource) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("service model " + resource + " is not on the class path");
            }
            return new ServiceModel(mapper.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read service model " + resource, e);
        }
    }

    /** The prefix of {@code X-Amz-Target} values, for example {@code AWSCognitoIdentityProviderService}. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /** The operation with this name, or empty. */
    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** All operations, by name. */
    public Map<String, Operation> operations() {
        return operations;
    }

    /** The shape with this name; a missing node when there is none. */
    public JsonNode shape(String name) {
        return shapes.path(name);
    }

    /** The names of all shapes. */
    public Iterator<String> shapeNames() {
        return shapes.fieldNames();
    }
}
