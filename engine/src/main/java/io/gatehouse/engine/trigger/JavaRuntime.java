package io.gatehouse.engine.trigger;

import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.Spi;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.api.trigger.TriggerProviderFactory;
import io.gatehouse.engine.plugin.ProviderRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code java:<provider-id>} triggers: the installed trigger provider's typed method, on a thread of its own so
 * that the trigger timeout holds for Java code as it does for a Lambda function (a late trigger's answer is
 * dropped; its thread finishes on its own).
 */
@ApplicationScoped
public class JavaRuntime {

    @Inject
    ProviderRegistry registry;

    @Inject
    Clock clock;

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "gatehouse-trigger-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** Whether a trigger provider of this id is installed and implements the trigger. */
    public boolean implementsTrigger(String providerId, io.gatehouse.api.trigger.TriggerKind kind) {
        return factory(providerId).map(f -> {
            try (TriggerProvider provider = f.create(ProviderContext.of(Optional.empty(), clock))) {
                return provider.triggers().contains(kind);
            }
        }).orElse(false);
    }

    /**
     * Calls the provider.
     *
     * @throws TriggerFailure the provider's {@link TriggerException} as a function error; a missing provider, an
     *                        unexpected exception or a late answer as unavailable
     */
    public <E, R> R invoke(String providerId, String userPoolId, TriggerCall<E, R> call, E event, Duration timeout)
            throws TriggerFailure {
        TriggerProviderFactory factory = factory(providerId).orElseThrow(() -> new TriggerFailure(
                TriggerFailure.Kind.UNAVAILABLE, "no trigger provider java:" + providerId + " is installed"));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<R> answer = CompletableFuture.supplyAsync(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            try (TriggerProvider provider = factory.create(ProviderContext.of(Optional.of(userPoolId), clock))) {
                return call.call(provider, event);
            } catch (TriggerException e) {
                throw new RefusedByTrigger(e);
            }
        }, executor);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RefusedByTrigger refused) {
                throw new TriggerFailure(TriggerFailure.Kind.FUNCTION_ERROR, refused.getCause().getMessage());
            }
            throw new TriggerFailure(TriggerFailure.Kind.UNAVAILABLE, "the provider failed: " + e.getCause(),
                    e.getCause());
        }
    }

    private Optional<TriggerProviderFactory> factory(String providerId) {
        return registry.factory(Spi.TRIGGER, providerId, TriggerProviderFactory.class);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Carries a trigger's refusal out of the provider's thread. */
    private static final class RefusedByTrigger extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedByTrigger(TriggerException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
