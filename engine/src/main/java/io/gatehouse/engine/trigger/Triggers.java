package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.metrics.GatehouseMetrics;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a pool's triggers where its flows fire them: the target its {@code LambdaConfig} names, on the runtime for
 * it, within the trigger timeout; and Cognito's errors when it fails. Each invocation is logged with its source,
 * target, duration and outcome, never with the event (attributes, passwords, codes).
 */
@ApplicationScoped
public class Triggers {

    private static final Logger LOG = Logger.getLogger(Triggers.class.getName());

    /** Cognito's {@code callerContext.clientId} of a call that names no app client (an administrator's). */
    static final String NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";

    @Inject
    GatehouseMetrics metrics;

    @Inject
    JavaRuntime java;

    @Inject
    @Any
    Instance<JsonRuntime> jsonRuntimes;

    @Inject
    GatehouseConfig config;

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.timeout", defaultValue = "PT5S")
    Duration timeout;

    /** The trigger of this kind the pool names, if any. */
    public Optional<ConfiguredTrigger> configured(UserPool pool, TriggerKind kind) {
        return ConfiguredTrigger.of(pool.settings().path("LambdaConfig"), kind);
    }

    /** The envelope of an event for the pool, with the event version its configuration asks for. */
    public TriggerContext context(UserPool pool, ConfiguredTrigger trigger, String triggerSource, String userName,
                                  Optional<String> clientId) {
        return new TriggerContext(trigger.version(), triggerSource, config.region(), pool.id(), userName,
                new TriggerContext.CallerContext("aws-sdk-unknown-unknown", clientId.orElse(NO_CLIENT)));
    }

    /**
     * Runs the trigger the pool names for this call, if it names one.
     *
     * @return the trigger's response; empty when the pool names no such trigger (and for triggers whose answer is
     *         not read)
     * @throws ServiceException Cognito's {@code UserLambdaValidationException} when the trigger refused (its message
     *                          in Cognito's words), {@code UnexpectedLambdaException} when it was not reached or did
     *                          not answer in time, {@code InvalidLambdaResponseException} for an unreadable answer
     */
    public <E, R> Optional<R> run(UserPool pool, ConfiguredTrigger trigger, TriggerCall<E, R> call, E event) {
        TriggerContext context = call.context(event);
        long started = System.nanoTime();
        try {
            R response = invoke(pool, trigger, call, event);
            log(Level.FINE, context, trigger, started, "ok");
            metrics.triggerCall(context.triggerSource(), "ok", System.nanoTime() - started);
            return Optional.ofNullable(response);
        } catch (TriggerFailure e) {
            log(e.kind() == TriggerFailure.Kind.FUNCTION_ERROR ? Level.INFO : Level.WARNING, context, trigger,
                    started, e.kind() + ": " + e.getMessage());
            metrics.triggerCall(context.triggerSource(), e.kind().name().toLowerCase(Locale.ROOT),
                    System.nanoTime() - started);
            throw switch (e.kind()) {
                case FUNCTION_ERROR -> new ServiceException("UserLambdaValidationException",
                        call.name() + " failed with error " + e.getMessage() + ".");
                case UNAVAILABLE -> new ServiceException("UnexpectedLambdaException",
                        call.name() + " invocation failed due to error " + e.getMessage() + ".");
                case INVALID_RESPONSE -> new ServiceException("InvalidLambdaResponseException",
                        "Unrecognizable lambda output for " + call.name() + ": " + e.getMessage() + ".");
            };
        }
    }

    private <E, R> R invoke(UserPool pool, ConfiguredTrigger trigger, TriggerCall<E, R> call, E event)
            throws TriggerFailure {
        if (trigger.target() instanceof TriggerTarget.JavaProvider provider) {
            return java.invoke(provider.providerId(), pool.id(), call, event, timeout);
        }
        ObjectNode json = TriggerJson.event(call.context(event), call.request(event));
        JsonRuntime runtime = jsonRuntimes.stream().filter(r -> r.runs(trigger.target())).findFirst()
                .orElseThrow(() -> new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "no runtime for "
                        + trigger.target().display()));
        JsonNode answer = runtime.invoke(trigger.target(), json, timeout);
        JsonNode response = answer.path("response");
        if (!answer.isObject() || !(response.isObject() || response.isNull() || response.isMissingNode())) {
            throw TriggerJson.invalid("the answer is not the event with a response");
        }
        return call.response(response.isObject() ? response : json.path("response"));
    }

    private static void log(Level level, TriggerContext context, ConfiguredTrigger trigger, long started,
                            String outcome) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, "Trigger {0} of pool {1} at {2}: {3} in {4} ms", new Object[] {context.triggerSource(),
                    context.userPoolId(), trigger.target().display(), outcome,
                    Duration.ofNanos(System.nanoTime() - started).toMillis()});
        }
    }
}
