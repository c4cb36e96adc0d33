package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * MFA_SETUP: a user of a pool with MFA ON and no second factor sets up an authenticator app inside the sign-in
 * (AssociateSoftwareToken and VerifySoftwareToken with the challenge's Session, each answering a new Session),
 * then answers MFA_SETUP with the last Session for the tokens. The verified app is their factor from then on.
 */
@ApplicationScoped
public class MfaSetupStep implements ChallengeStep {

    @Inject
    SignInChain chain;

    @Inject
    AuthSessions sessions;

    @Override
    public String name() {
        return MfaChallenges.MFA_SETUP;
    }

    @Override
    @Transactional
    public AuthStep answer(ChallengeAnswer answer) {
        ClientOfPool app = chain.client(answer.clientId(), answer.expectedPoolId());
        UserPool pool = app.pool();
        String username = SignInChain.required(answer.responses(), "USERNAME");
        SecretHash.check(app.client(), username, answer.responses().get("SECRET_HASH"));
        AuthSessions.Pending pending = sessions.take(answer.session(), app.client().clientId(), name());
        MfaSessionState state = MfaSessionState.parse(pending.state());
        if (!state.setUp()) {
            throw ServiceException.invalidParameter("Set up an authenticator first: AssociateSoftwareToken and "
                    + "VerifySoftwareToken with this Session.");
        }
        UserRecord user = chain.userOf(pool, pending.sub(), username);
        return chain.tokens(pool, app.client(), user, state.knownDevice());
    }
}
