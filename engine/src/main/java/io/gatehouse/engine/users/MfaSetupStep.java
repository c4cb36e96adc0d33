package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;

/**
 * MFA_SETUP: a user of a pool with MFA ON and no second factor sets one up inside the sign-in. An authenticator
 * app: AssociateSoftwareToken and VerifySoftwareToken with the challenge's Session, each answering a new Session,
 * then MFA_SETUP answered with the last Session for the tokens. An e-mail address (where the pool allows EMAIL_OTP):
 * MFA_SETUP answered with {@code EMAIL}, which sends a code there and answers an EMAIL_OTP challenge; the right code
 * makes the address the user's, verified, and e-mail their factor. Either way the new method is theirs from then on.
 */
@ApplicationScoped
public class MfaSetupStep implements ChallengeStep {

    @Inject
    SignInChain chain;

    @Inject
    AuthSessions sessions;

    @Inject
    UserPools pools;

    @Inject
    UserStores stores;

    @Inject
    MfaChallenges challenges;

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
        String email = answer.responses().get("EMAIL");
        if (email != null) {
            return setUpEmail(app.pool(), app.client(), answer.session(), username, email);
        }
        Finished finished = finish(app.pool(), app.client(), answer.session(), username);
        return chain.tokens(app.pool(), app.client(), finished.user(), finished.knownDevice(),
                io.gatehouse.engine.token.TokenGeneration.AUTHENTICATION.withClientMetadata(answer.clientMetadata()));
    }

    /** The hosted UI's set-up page, once its code was verified: the user, for the page to finish the sign-in. */
    @Transactional
    public UserRecord finishOnPage(UserPoolClient client, String session, String username) {
        return finish(pools.get(client.userPoolId()), client, session, username).user();
    }

    /** The hosted UI's set-up page, given an e-mail address: the EMAIL_OTP challenge of the code sent there. */
    @Transactional
    public AuthStep.Challenged emailOnPage(UserPoolClient client, String session, String username, String email) {
        return setUpEmail(pools.get(client.userPoolId()), client, session, username, email);
    }

    /** Whether the client's pool lets a user set up e-mail codes inside the sign-in, for the hosted UI's page. */
    public boolean offersEmail(UserPoolClient client) {
        return challenges.setUpChoices(PoolMfa.of(pools.get(client.userPoolId()).settings()))
                .contains(PoolMfa.EMAIL_OTP);
    }

    private AuthStep.Challenged setUpEmail(UserPool pool, UserPoolClient client, String session, String username,
                                           String email) {
        AuthSessions.Pending pending = sessions.take(session, client.clientId(), name());
        UserRecord user = chain.userOf(pool, pending.sub(), username);
        if (!challenges.setUpChoices(PoolMfa.of(pool.settings())).contains(PoolMfa.EMAIL_OTP)) {
            throw ServiceException.invalidParameter("EMAIL_OTP is not enabled for this user pool.");
        }
        if (user.attributes().get("email") != null) {
            throw ServiceException.invalidParameter("The user already has an email address.");
        }
        // The address must be one the app client may write and free where addresses sign in; it is checked again
        // when the code comes back, as another user may have taken it meanwhile.
        AttributeRules.checkUpdate(pool.settings(), client.settings(), Map.of("email", email));
        PoolUsers.checkSignInAttributeFree(pool, stores.forPool(pool), user, "email", email);
        return challenges.issueToNewEmail(pool, client, user, email, MfaSessionState.parse(pending.state())
                .knownDevice());
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
