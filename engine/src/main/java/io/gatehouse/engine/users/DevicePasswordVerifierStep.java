package io.gatehouse.engine.users;

import io.gatehouse.engine.auth.AuthStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The remembered device's SRP proof (DEVICE_PASSWORD_VERIFIER), the last step before tokens: see {@link
 * SrpSignIn#respondDeviceVerifier}.
 */
@ApplicationScoped
public class DevicePasswordVerifierStep implements ChallengeStep {

    @Inject
    SrpSignIn srp;

    @Override
    public String name() {
        return SrpSignIn.DEVICE_PASSWORD_VERIFIER;
    }

    @Override
    public AuthStep answer(ChallengeAnswer answer) {
        return srp.respondDeviceVerifier(answer.clientId(), answer.expectedPoolId(), answer.responses(),
                answer.clientMetadata());
    }
}
