package io.gatehouse.engine.users;

import io.gatehouse.engine.auth.AuthStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The answer to a custom sign-in's challenge (CUSTOM_CHALLENGE, ANSWER): see {@link CustomAuthFlow#answer}. */
@ApplicationScoped
public class CustomChallengeStep implements ChallengeStep {

    @Inject
    CustomAuthFlow flow;

    @Override
    public String name() {
        return CustomAuthFlow.CUSTOM_CHALLENGE;
    }

    @Override
    public AuthStep answer(ChallengeAnswer answer) {
        return flow.answer(answer);
    }
}
