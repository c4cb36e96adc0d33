package io.gatehouse.engine.cognito;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.admin.AdminCredentials;
import io.gatehouse.engine.cognito.model.ServiceModel;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.metrics.GatehouseMetrics;
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
 * Routes a call of the AWS JSON 1.1 protocol to its operation: reads {@code X-Amz-Target}, whose prefix names the
 * service (user pools or identity pools) and whose rest names the operation, checks the SigV4 signature of
 * operations that need one against the service's signing name, parses and validates the body against the service's
 * model, and calls the operation's handler. Failures leave with the status the service gives their type.
 */
@ApplicationScoped
public class CognitoDispatcher {

    @Inject
    AwsJsonServices services;

    @Inject
    AdminCredentials adminCredentials;

    @Inject
    Clock clock;

    @Inject
    AddressThrottle addressThrottle;

    @Inject
    @Any
    Instance<CognitoOperation> handlers;

    /** The handlers by service prefix, then by operation name. */
    private final Map<String, Map<String, CognitoOperation>> byService = new HashMap<>();

    @PostConstruct
    void index() {
        for (CognitoOperation handler : handlers) {
            AwsJsonService service = services.byPrefix(handler.targetPrefix()).orElseThrow(() ->
                    new IllegalStateException("handler " + handler.name() + " of unknown service "
                            + handler.targetPrefix()));
            if (service.model().operation(handler.name()).isEmpty()) {
                throw new IllegalStateException("handler for unknown operation " + handler.targetPrefix() + "."
                        + handler.name());
            }
            if (byService.computeIfAbsent(service.targetPrefix(), p -> new HashMap<>())
                    .put(handler.name(), handler) != null) {
                throw new IllegalStateException("two handlers for " + handler.targetPrefix() + "." + handler.name());
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
        String target = request.header("X-Amz-Target");
        AwsJsonService service = services.forTarget(target);
        try {
            return dispatch(service, operation(service, target), request);
        } catch (ServiceException e) {
            throw service.answering(e);
        }
    }

    private ObjectNode dispatch(AwsJsonService service, ServiceModel.Operation operation, SignedRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-json-1.")) {
            throw ServiceException.serialization("The Content-Type must be application/x-amz-json-1.1.");
        }
        if (operation.signed()) {
            service.verifier().verify(request, clock.instant(), adminCredentials::secretFor);
        }
        ObjectNode input = service.validator().validate(operation.inputShape(), parse(request.body()));
        CognitoOperation handler = byService.getOrDefault(service.targetPrefix(), Map.of()).get(operation.name());
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

    /**
     * The labels of a call in the metrics: the service's {@code X-Amz-Target} prefix and the operation's name, both
     * taken from the services' models (so never what the caller wrote), or {@code unknown} for a target naming none.
     */
    public CallLabel label(String target) {
        int dot = target == null ? -1 : target.indexOf('.');
        AwsJsonService service = dot < 0 ? null : services.byPrefix(target.substring(0, dot)).orElse(null);
        if (service == null) {
            return CallLabel.UNKNOWN;
        }
        return service.model().operation(target.substring(dot + 1))
                .map(o -> new CallLabel(service.targetPrefix(), o.name()))
                .orElse(new CallLabel(service.targetPrefix(), GatehouseMetrics.UNKNOWN));
    }

    /** A call's service and operation, as the metrics label it. */
    public record CallLabel(String service, String operation) {
        static final CallLabel UNKNOWN = new CallLabel(GatehouseMetrics.UNKNOWN, GatehouseMetrics.UNKNOWN);
    }

    private static ServiceModel.Operation operation(AwsJsonService service, String target) {
        String name = target.substring(service.targetPrefix().length() + 1);
        return service.model().operation(name).orElseThrow(() -> new ServiceException("UnknownOperationException",
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
