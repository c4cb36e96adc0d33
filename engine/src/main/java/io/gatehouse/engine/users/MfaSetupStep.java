package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
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

    @Inject
    UserPools pools;

    @Override
    public String name() {
        return MfaChallenges.MFA_SETUP;
    }

    @Override
    @Transactional
    public AuthStep answer(ChallengeAnswer answer) {
        ClientOfPool app = chain.client(answer.clientId(), answer.expectedPoolId());
        String username = SignInChain.required(answer.responses(), "USERNAME");
        SecretHash.check(app.client(), username, answer.responses().get("SECRET_HASH"));
        Finished finished = finish(app.pool(), app.client(), answer.session(), username);
        return chain.tokens(app.pool(), app.client(), finished.user(), finished.knownDevice());
    }

    /** The hosted UI's set-up page, once its code was verified: the user, for the page to finish the sign-in. */
    @Transactional
    public UserRecord finishOnPage(UserPoolClient client, String session, String username) {
        return finish(pools.get(client.userPoolId()), client, session, username).user();
    }

    /** An MFA_SETUP finished: whose, and whether the sign-in came from a device the user confirmed. */
    private record Finished(UserRecord user, boolean knownDevice) {
    }

    private Finished finish(UserPool pool, UserPoolClient client, String session, String username) {
        AuthSessions.Pending pending = sessions.take(session, client.clientId(), name());
        MfaSessionState state = MfaSessionState.parse(pending.state());
        if (!state.setUp()) {
            throw ServiceException.invalidParameter("Set up an authenticator first: AssociateSoftwareToken and "
                    + "VerifySoftwareToken with this Session.");
        }
        return new Finished(chain.userOf(pool, pending.sub(), username), state.knownDevice());
    }
}
