package io.gatehouse.engine.users;

import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.mfa.MfaMethods;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/** Every {@link ChallengeStep} the server has, by challenge name. */
@ApplicationScoped
public class ChallengeSteps {

    @Inject
    @Any
    Instance<ChallengeStep> all;

    @Inject
    MfaMethods methods;

    @Inject
    MfaCodeStep mfaCodes;

    private final Map<String, ChallengeStep> byName = new HashMap<>();

    @PostConstruct
    void index() {
        for (ChallengeStep step : all) {
            if (byName.putIfAbsent(step.name(), step) != null) {
                throw new IllegalStateException("two challenge steps answer " + step.name());
            }
        }
    }

    /**
     * The step that answers {@code challenge}: one of the engine's, or the code of an MFA method a provider offers.
     *
     * @throws ServiceException {@code InvalidParameterException} for a challenge this server does not have
     */
    public ChallengeStep named(String challenge) {
        ChallengeStep step = byName.get(challenge);
        if (step == null && methods.exists(challenge)) {
            return new MfaCode(challenge, mfaCodes);
        }
        if (step == null) {
            throw ServiceException.invalidParameter("Gatehouse does not support the " + challenge
                    + " challenge yet.");
        }
        return step;
    }

    /** The answer to an MFA method's code challenge, as a step of its own. */
    private record MfaCode(String name, MfaCodeStep codes) implements ChallengeStep {
        @Override
        public AuthStep answer(ChallengeAnswer answer) {
            return codes.answer(name, answer);
        }
    }
}
