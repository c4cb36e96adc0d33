package io.gatehouse.engine.users;

import io.gatehouse.engine.error.ServiceException;
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
     * The step that answers {@code challenge}.
     *
     * @throws ServiceException {@code InvalidParameterException} for a challenge this server does not have
     */
    public ChallengeStep named(String challenge) {
        ChallengeStep step = byName.get(challenge);
        if (step == null) {
            throw ServiceException.invalidParameter("Gatehouse does not support the " + challenge
                    + " challenge yet.");
        }
        return step;
    }
}
