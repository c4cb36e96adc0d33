package io.gatehouse.engine.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.admin.AdminCredentials;
import io.gatehouse.engine.cognito.model.ServiceModel;
import io.gatehouse.engine.cognito.model.ShapeValidator;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.threat.lockout.AddressThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Routes a call of the AWS JSON 1.1 protocol to its operation: reads {@code X-Amz-Target}, checks the SigV4
 * signature of operations that need one, parses and validates the body against the service model, and calls
 * the operation's handler.
 */
@ApplicationScoped
public class CognitoDispatcher {

    @Inject
    ServiceModel model;

    @Inject
    ShapeValidator validator;

    @Inject
    SigV4Verifier verifier;

    @Inject
    AdminCredentials adminCredentials;

    @Inject
    Clock clock;

    @Inject
    AddressThrottle addressThrottle;

    @Inject
    @Any
    Instance<CognitoOperation> handlers;

    private final Map<String, CognitoOperation> byName = new HashMap<>();

    @PostConstruct
    void index() {
        for (CognitoOperation handler : handlers) {
            if (model.operation(handler.name()).isEmpty()) {
                throw new IllegalStateException("handler for unknown operation " + handler.name());
            }
            if (byName.put(handler.name(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.name());
            }
        }
    }

    /**
     * Handles one call.
     *
     * @return the response body
     * @throws ServiceException for every failure, in Cognito's vocabulary
     */
    public ObjectNode dispatch(SignedRequest request) {
        ServiceModel.Operation operation = operation(request.header("X-Amz-Target"));
        String contentType = request.header("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-json-1.")) {
            throw ServiceException.serialization("The Content-Type must be application/x-amz-json-1.1.");
        }
        if (operation.signed()) {
            verifier.verify(request, clock.instant(), adminCredentials::secretFor);
        }
        ObjectNode input = validator.validate(operation.inputShape(), parse(request.body()));
        CognitoOperation handler = byName.get(operation.name());
        if (handler == null) {
            throw new ServiceException("UnsupportedOperationException",
                    "Gatehouse does not implement " + operation.name() + " yet.");
        }
        if (!AddressThrottle.guards(operation.name())) {
            return handler.handle(input);
        }
        // Operations that take a guessable secret: an address that has guessed wrong too often is turned away
        // before it guesses again, and each wrong guess is counted against it.
        return addressThrottle.guard(() -> handler.handle(input), ServiceException.class, AddressThrottle::wrongGuess);
    }

    private ServiceModel.Operation operation(String target) {
        String prefix = model.targetPrefix() + ".";
        if (target == null || !target.startsWith(prefix)) {
            throw new ServiceException("UnknownOperationException",
                    "The X-Amz-Target header must name an operation of " + model.targetPrefix() + ".");
        }
        String name = target.substring(prefix.length());
        return model.operation(name).orElseThrow(() -> new ServiceException("UnknownOperationException",
                "Unknown operation " + name + "."));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw ServiceException.serialization("The request body is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }
}
