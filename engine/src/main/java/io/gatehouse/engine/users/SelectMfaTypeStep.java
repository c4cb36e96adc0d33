package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.mfa.MfaPreferences;
import io.gatehouse.engine.mfa.UserMfa;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * SELECT_MFA_TYPE: a user with several second factors turned on and none preferred names the one to use in
 * {@code ANSWER}; its challenge follows.
 */
@ApplicationScoped
public class SelectMfaTypeStep implements ChallengeStep {

    @Inject
    SignInChain chain;

    @Inject
    AuthSessions sessions;

    @Inject
    UserMfa userMfa;

    @Inject
    MfaChallenges challenges;

    @Override
    public String name() {
        return MfaChallenges.SELECT_MFA_TYPE;
    }

    @Override
    @Transactional
    public AuthStep answer(ChallengeAnswer answer) {
        ClientOfPool app = chain.client(answer.clientId(), answer.expectedPoolId());
        UserPool pool = app.pool();
        String username = SignInChain.required(answer.responses(), "USERNAME");
        String chosen = SignInChain.required(answer.responses(), "ANSWER");
        SecretHash.check(app.client(), username, answer.responses().get("SECRET_HASH"));
        AuthSessions.Pending pending = sessions.take(answer.session(), app.client().clientId(), name());
        UserRecord user = chain.userOf(pool, pending.sub(), username);
        if (!challenges.usable(pool, PoolMfa.of(pool.settings()),
                new MfaPreferences(userMfa.of(pool.id(), user.sub()))).contains(chosen)) {
            throw ServiceException.invalidParameter("The user has not enabled " + chosen + ", or the user pool does "
                    + "not allow it.");
        }
        return challenges.issue(pool, app.client(), user, chosen, MfaSessionState.parse(pending.state()).knownDevice());
    }
}
