package io.gatehouse.api.trigger;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.testing.TriggerProviderContract;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract suite run against a small provider of its own, so the suite itself is known to pass for a provider
 * that keeps the contract: PreSignUp refuses addresses outside example.com, CreateAuthChallenge keeps its answer
 * private.
 */
class TriggerProviderContractTest extends TriggerProviderContract {

    @Override
    protected TriggerProviderFactory newFactory() {
        return new TriggerProviderFactory() {
            @Override
            public String id() {
                return "contract-sample";
            }

            @Override
            public void init(ProviderConfig config) {
            }

            @Override
            public TriggerProvider create(ProviderContext context) {
                return new Sample();
            }
        };
    }

    @Override
    protected Optional<Object> refusedEvent(TriggerKind kind) {
        if (kind != TriggerKind.PRE_SIGN_UP) {
            return Optional.empty();
        }
        return Optional.of(new PreSignUpEvent(context("PreSignUp_SignUp", "1"), Map.of("email", "eve@elsewhere.test"),
                Map.of(), Map.of()));
    }

    private static final class Sample implements TriggerProvider {

        @Override
        public Set<TriggerKind> triggers() {
            return Set.of(TriggerKind.PRE_SIGN_UP, TriggerKind.CREATE_AUTH_CHALLENGE);
        }

        @Override
        public PreSignUpResponse preSignUp(PreSignUpEvent event) throws TriggerException {
            if (!event.userAttributes().getOrDefault("email", "").endsWith("@example.com")) {
                throw new TriggerException("Only example.com addresses may sign up");
            }
            return PreSignUpResponse.NONE;
        }

        @Override
        public CreateAuthChallengeResponse createAuthChallenge(CreateAuthChallengeEvent event) {
            return new CreateAuthChallengeResponse(Map.of("question", "2+2?"), Map.of("answer", "4"),
                    Optional.of("arithmetic"));
        }
    }
}
