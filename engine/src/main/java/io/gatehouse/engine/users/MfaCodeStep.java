package io.gatehouse.engine.users;

import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaStateException;
import io.gatehouse.api.mfa.Verification;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.mfa.MfaMethods;
import io.gatehouse.engine.mfa.UserMfa;
import io.gatehouse.engine.threat.adaptive.AdaptiveAuthentication;
import io.gatehouse.engine.threat.lockout.SignInLocks;
import io.gatehouse.engine.token.TokenGeneration;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to an MFA code challenge ({@code SMS_MFA}, {@code SOFTWARE_TOKEN_MFA}, {@code EMAIL_OTP}, or a third
 * party's method), in {@code <challenge>_CODE}: checked by the method, and counted when wrong; the session ends
 * after {@code gatehouse.mfa.max-wrong-codes} wrong codes, so a code cannot be guessed within one sign-in.
 */
@ApplicationScoped
public class MfaCodeStep {

    @Inject
    SignInLocks locks;

    @Inject
    SignInChain chain;

    @Inject
    AuthSessions sessions;

    @Inject
    UserStores stores;

    @Inject
    UserPools pools;

    @Inject
    UserMfa userMfa;

    @Inject
    MfaMethods methods;

    @Inject
    MfaChallenges challenges;

    @Inject
    AdaptiveAuthentication adaptive;

    @Inject
    @ConfigProperty(name = "gatehouse.mfa.max-wrong-codes", defaultValue = "3")
    int maxWrongCodes;

    /**
     * Checks a code for the challenge of method {@code method}. A wrong one is counted even though the call fails:
     * this method commits on ServiceException, and writes nothing else before the code is accepted.
     */
    @Transactional(dontRollbackOn = ServiceException.class)
    public AuthStep answer(String method, ChallengeAnswer answer) {
        ClientOfPool app = chain.client(answer.clientId(), answer.expectedPoolId());
        Map<String, String> responses = answer.responses();
        String username = SignInChain.required(responses, "USERNAME");
        String code = SignInChain.required(responses, method + "_CODE");
        SecretHash.check(app.client(), username, responses.get("SECRET_HASH"));
        Passed passed = check(app.pool(), app.client(), method, answer.session(), username, code);
        return chain.tokens(app.pool(), app.client(), passed.user(), passed.knownDevice(),
                TokenGeneration.AUTHENTICATION.withClientMetadata(answer.clientMetadata()));
    }

    /**
     * The hosted UI's code page: checks a code as {@link #answer} does (the client is the server's own page, so no
     * SECRET_HASH), and returns the user, for the page to finish the sign-in its own way.
     */
    @Transactional(dontRollbackOn = ServiceException.class)
    public UserRecord answerOnPage(UserPoolClient client, String method, String session, String username,
                                   String code) {
        return check(pools.get(client.userPoolId()), client, method, session, username, code).user();
    }

    /** A second factor passed: whose, and whether the sign-in came from a device the user confirmed. */
    private record Passed(UserRecord user, boolean knownDevice) {
    }

    private Passed check(UserPool pool, UserPoolClient client, String method, String session, String username,
                         String code) {
        AuthSessions.Pending held = sessions.hold(session, client.clientId(), method);
        UserRecord user = chain.userOf(pool, held.sub(), username);
        UserStore store = stores.forPool(pool);
        MfaSessionState state = MfaSessionState.parse(held.state());
        Verification verification;
        // A second factor's code is guessed as a password is, and locks as one does: without it, an authenticator's
        // codes could be tried a few at a time in sign-in after sign-in by whoever knows the password. The attempt
        // also lets one code of the user's be checked at a time, however many of their sessions answer at once.
        try (SignInLocks.Attempt attempt = locks.begin(pool.id(), SignInLocks.secondFactor(pool.id(), user.sub()));
             MfaMethod factor = methods.named(pool, method)) {
            Optional<String> enrolment = challenges.enrolment(pool, user, factor);
            verification = factor.verify(MfaMethods.user(pool, user), enrolment, state.challengeState(), code);
            switch (verification.outcome()) {
                case VALID -> {
                    sessions.spendHeld(session);
                    adaptive.secondFactorAnswered(pool, user, true);
                    locks.succeeded(attempt);
                    verification.updatedEnrolmentState().ifPresent(s ->
                            userMfa.updateState(pool.id(), user.sub(), method, s));
                    if (!state.newEmail().isEmpty()) {
                        takeNewEmail(pool, store, user, method, state.newEmail());
                    }
                    // The right code proves the phone or address it went to, as in Cognito.
                    factor.deliveryAttribute().ifPresent(attribute -> PoolUsers.capability(store,
                            UserModification.class).updateAttributes(user.sub(), Map.of(attribute + "_verified",
                            "true"), Set.of()));
                }
                case EXPIRED -> {
                    sessions.spendHeld(session);
                    throw new ServiceException("ExpiredCodeException", "Your code has expired; sign in again.");
                }
                default -> {
                    sessions.failHeld(session, maxWrongCodes);
                    adaptive.secondFactorAnswered(pool, user, false);
                    locks.failed(attempt);
                    throw new ServiceException("CodeMismatchException", "Invalid code received for user");
                }
            }
        } catch (MfaStateException e) {
            throw MfaMethods.unreadable(e);
        }
        return new Passed(user, state.knownDevice());
    }

    /**
     * An e-mail address given while setting up MFA came back with its code: it becomes the user's address, and
     * e-mail their second factor.
     */
    private void takeNewEmail(UserPool pool, UserStore store, UserRecord user, String method, String address) {
        PoolUsers.checkSignInAttributeFree(pool, store, user, "email", address);
        PoolUsers.capability(store, UserModification.class).updateAttributes(user.sub(), Map.of("email", address),
                Set.of());
        userMfa.preference(pool.id(), user.sub(), method, true, false);
    }
}
