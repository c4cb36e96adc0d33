package io.gatehouse.engine.users;

import io.gatehouse.engine.auth.AuthStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The user's SRP proof (PASSWORD_VERIFIER, after USER_SRP_AUTH): see {@link SrpSignIn#respond}.
 */
@ApplicationScoped
public class PasswordVerifierStep implements ChallengeStep {

    @Inject
    SrpSignIn srp;

    @Override
    public String name() {
        return SrpSignIn.PASSWORD_VERIFIER;
    }

    @Override
    public AuthStep answer(ChallengeAnswer answer) {
        return srp.respond(answer.clientId(), answer.expectedPoolId(), answer.responses(),
                answer.clientMetadata());
    }
}
