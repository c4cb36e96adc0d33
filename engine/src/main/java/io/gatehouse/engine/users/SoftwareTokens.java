package io.gatehouse.engine.users;

import io.gatehouse.api.mfa.Enrolment;
import io.gatehouse.api.mfa.EnrolmentSettings;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaStateException;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.mfa.MfaMethods;
import io.gatehouse.engine.mfa.MfaSetting;
import io.gatehouse.engine.mfa.UserMfa;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * Authenticator apps (SOFTWARE_TOKEN_MFA): AssociateSoftwareToken shares a new secret, VerifySoftwareToken proves
 * the app has it. A signed-in user calls them with their access token, then turns the app on with
 * SetUserMFAPreference; a user in MFA_SETUP calls them with the challenge's Session, and the verified app is turned
 * on and preferred at once, as their sign-in needs it.
 */
@ApplicationScoped
public class SoftwareTokens {

    @Inject
    SignInService signIns;

    @Inject
    AuthSessions sessions;

    @Inject
    UserPools pools;

    @Inject
    UserPoolClients clients;

    @Inject
    UserStores stores;

    @Inject
    UserMfa userMfa;

    @Inject
    MfaMethods methods;

    /**
     * AssociateSoftwareToken's answer.
     *
     * @param secretCode the shared secret, base32
     * @param otpauthUri the {@code otpauth://} URI an authenticator app reads from a QR code
     * @param session    the next Session of an MFA_SETUP, or null for a signed-in user
     */
    public record Associated(String secretCode, String otpauthUri, String session) {
    }

    /** VerifySoftwareToken's answer: {@code SUCCESS}, and the next Session of an MFA_SETUP or null. */
    public record Verified(String status, String session) {
    }

    /** The user and where they came from: an access token, or an MFA_SETUP session. */
    private record Enrollee(UserPool pool, UserRecord user, Optional<AuthSessions.Pending> setup) {
    }

    /**
     * Shares a new secret with the user's authenticator app (AssociateSoftwareToken); until it is verified, the
     * user's earlier app, if any, is off.
     */
    @Transactional
    public Associated associate(String accessToken, String session) {
        Enrollee enrollee = enrollee(accessToken, session);
        Enrolment enrolment;
        try (MfaMethod totp = totp(enrollee.pool())) {
            enrolment = totp.startEnrolment(MfaMethods.user(enrollee.pool(), enrollee.user()),
                    new EnrolmentSettings(enrollee.pool().name(), enrollee.user().username()));
        }
        userMfa.enrol(enrollee.pool().id(), enrollee.user().sub(), PoolMfa.SOFTWARE_TOKEN_MFA,
                enrolment.pendingState());
        return new Associated(enrolment.shown().get(Enrolment.SECRET_CODE),
                enrolment.shown().get(Enrolment.OTPAUTH_URI),
                enrollee.setup().map(p -> reopen(p, false)).orElse(null));
    }

    /**
     * Proves the user's authenticator app has the secret (VerifySoftwareToken).
     *
     * @throws ServiceException {@code EnableSoftwareTokenMFAException} for a wrong code,
     *                          {@code SoftwareTokenMFANotFoundException} when no secret awaits verification
     */
    @Transactional
    public Verified verify(String accessToken, String session, String userCode) {
        Enrollee enrollee = enrollee(accessToken, session);
        UserPool pool = enrollee.pool();
        String sub = enrollee.user().sub();
        MfaSetting pending = userMfa.find(pool.id(), sub, PoolMfa.SOFTWARE_TOKEN_MFA)
                .filter(s -> s.state() != null && !s.verified())
                .orElseThrow(() -> new ServiceException("SoftwareTokenMFANotFoundException",
                        "Software token MFA has not been associated for this user."));
        Optional<String> confirmed;
        try (MfaMethod totp = totp(pool)) {
            confirmed = totp.completeEnrolment(MfaMethods.user(pool, enrollee.user()), pending.state(), userCode);
        } catch (MfaStateException e) {
            throw MfaMethods.unreadable(e);
        }
        if (confirmed.isEmpty()) {
            // Rolls back: an MFA_SETUP session stays good for another try.
            throw new ServiceException("EnableSoftwareTokenMFAException", "Code mismatch and fail enable Software "
                    + "Token MFA");
        }
        userMfa.verified(pool.id(), sub, PoolMfa.SOFTWARE_TOKEN_MFA, confirmed.get());
        if (enrollee.setup().isEmpty()) {
            return new Verified("SUCCESS", null);
        }
        userMfa.preference(pool.id(), sub, PoolMfa.SOFTWARE_TOKEN_MFA, true, true);
        return new Verified("SUCCESS", reopen(enrollee.setup().get(), true));
    }

    private Enrollee enrollee(String accessToken, String session) {
        if (accessToken != null) {
            SignInService.Caller caller = signIns.caller(accessToken);
            return new Enrollee(caller.pool(), caller.user(), Optional.empty());
        }
        if (session == null) {
            throw ServiceException.invalidParameter("Either AccessToken or Session is required.");
        }
        AuthSessions.Pending pending = sessions.takeAny(session, MfaChallenges.MFA_SETUP);
        UserPool pool = pools.get(pending.userPoolId());
        UserRecord user = PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(pending.sub())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", "Invalid session for the user."));
        return new Enrollee(pool, user, Optional.of(pending));
    }

    private MfaMethod totp(UserPool pool) {
        if (!PoolMfa.of(pool.settings()).methods().contains(PoolMfa.SOFTWARE_TOKEN_MFA)) {
            throw ServiceException.invalidParameter("SOFTWARE_TOKEN_MFA is not enabled for this user pool.");
        }
        return methods.named(pool, PoolMfa.SOFTWARE_TOKEN_MFA);
    }

    /** The next Session of the MFA_SETUP: the one presented is spent with this call. */
    private String reopen(AuthSessions.Pending setup, boolean setUp) {
        MfaSessionState state = MfaSessionState.parse(setup.state());
        return sessions.open(setup.userPoolId(), setup.clientId(), setup.sub(), MfaChallenges.MFA_SETUP,
                SignInChain.sessionValidity(clients.byClientId(setup.clientId())),
                new MfaSessionState("", state.knownDevice(), setUp, "").toText());
    }
}
