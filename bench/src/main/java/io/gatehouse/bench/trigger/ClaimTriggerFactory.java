package io.gatehouse.bench.trigger;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.trigger.PreTokenGenerationEvent;
import io.gatehouse.api.trigger.PreTokenGenerationResponse;
import io.gatehouse.api.trigger.TokenOverrides;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.api.trigger.TriggerProviderFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * bench/triggers.sh's in-process trigger, {@code java:bench-claim}: PreTokenGeneration adds one claim,
 * {@value #CLAIM}{@code =}{@value #VALUE}, to the ID token (and, for V2 and V3 events, the access token), and does
 * nothing else, so that what the benchmark measures is what the server spends calling a Java trigger. Packaged
 * alone (this package and its service file) as {@code gatehouse-bench-<version>-trigger-provider.jar} by the bench
 * module's build, and installed into the bench server's providers/ folder before it starts.
 */
public final class ClaimTriggerFactory implements TriggerProviderFactory {

    /** What a pool's LambdaConfig names: {@code java:bench-claim}. */
    public static final String ID = "bench-claim";
    public static final String CLAIM = "bench_trigger";
    public static final String VALUE = "java";

    private static final TokenOverrides WITH_CLAIM = new TokenOverrides(Map.of(CLAIM, VALUE), List.of(), List.of(),
            List.of());
    private static final PreTokenGenerationResponse V1 = new PreTokenGenerationResponse(WITH_CLAIM,
            TokenOverrides.NONE, Optional.empty());
    private static final PreTokenGenerationResponse V2 = new PreTokenGenerationResponse(WITH_CLAIM, WITH_CLAIM,
            Optional.empty());
    private static final ClaimTrigger TRIGGER = new ClaimTrigger();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void init(ProviderConfig config) {
        // No options.
    }

    @Override
    public TriggerProvider create(ProviderContext context) {
        return TRIGGER; // stateless: one for every call
    }

    private static final class ClaimTrigger implements TriggerProvider {

        @Override
        public Set<TriggerKind> triggers() {
            return Set.of(TriggerKind.PRE_TOKEN_GENERATION);
        }

        @Override
        public PreTokenGenerationResponse preTokenGeneration(PreTokenGenerationEvent event) {
            return "1".equals(event.context().version()) ? V1 : V2;
        }
    }
}
