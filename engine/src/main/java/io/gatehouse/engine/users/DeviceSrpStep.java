package io.gatehouse.engine.users;

import io.gatehouse.engine.auth.AuthStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A remembered device starts proving itself (DEVICE_SRP_AUTH, after the user's password): see {@link
 * SrpSignIn#respondDevice}.
 */
@ApplicationScoped
public class DeviceSrpStep implements ChallengeStep {

    @Inject
    SrpSignIn srp;

    @Override
    public String name() {
        return SrpSignIn.DEVICE_SRP_AUTH;
    }

    @Override
    public AuthStep answer(ChallengeAnswer answer) {
        return srp.respondDevice(answer.clientId(), answer.expectedPoolId(), answer.session(), answer.responses());
    }
}
