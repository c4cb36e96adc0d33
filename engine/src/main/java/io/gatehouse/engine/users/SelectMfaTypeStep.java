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
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
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
    UserPools pools;

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
        String username = SignInChain.required(answer.responses(), "USERNAME");
        String chosen = SignInChain.required(answer.responses(), "ANSWER");
        SecretHash.check(app.client(), username, answer.responses().get("SECRET_HASH"));
        return choose(app.pool(), app.client(), answer.session(), username, chosen);
    }

    /** The hosted UI's choice page: as {@link #answer}, with no SECRET_HASH from the server's own page. */
    @Transactional
    public AuthStep.Challenged chooseOnPage(UserPoolClient client, String session, String username, String chosen) {
        return choose(pools.get(client.userPoolId()), client, session, username, chosen);
    }

    private AuthStep.Challenged choose(UserPool pool, UserPoolClient client, String session, String username,
                                       String chosen) {
        AuthSessions.Pending pending = sessions.take(session, client.clientId(), name());
        UserRecord user = chain.userOf(pool, pending.sub(), username);
        if (!challenges.usable(pool, PoolMfa.of(pool.settings()),
                new MfaPreferences(userMfa.of(pool.id(), user.sub()))).contains(chosen)) {
            throw ServiceException.invalidParameter("The user has not enabled " + chosen + ", or the user pool does "
                    + "not allow it.");
        }
        return challenges.issue(pool, client, user, chosen, MfaSessionState.parse(pending.state()).knownDevice());
    }
}
