package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.threat.ClientOrigin;
import io.gatehouse.engine.threat.ClientOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-address bucket of failed guesses ({@link FailureBucket}), for the request's client address
 * ({@link ClientOrigins}). An edge that takes guessable secrets calls {@link #check} before the guess and
 * {@link #failed} after a wrong one: the Cognito API for the operations in {@link #guards}, the hosted UI's forms,
 * the token endpoint's client authentication. Only failures spend the bucket, so many users signing in right from
 * behind one address are never slowed down.
 *
 * <p>The bucket is smaller than the number of names it would take to lock out a pool (a spray of five wrong
 * passwords per name stops after a fifth of the bucket's names), and it is checked first: an attacker is slowed
 * down whichever names they try, and users' locks stay for guessing aimed at one user.
 *
 * <p>Work outside a request (no address) and the addresses in {@code gatehouse.lockout.address.exempt} are not
 * throttled; the per-user locks still hold for them.
 */
@ApplicationScoped
public class AddressThrottle {

    private static final Logger LOG = Logger.getLogger(AddressThrottle.class.getName());

    /**
     * The Cognito operations that check a password, a code, a SECRET_HASH or a refresh token. Not their Admin forms:
     * a back end signed with the admin credential calls those for all its users from its own address, which would
     * be throttled for every user at once; the per-user locks hold there.
     */
    private static final Set<String> GUARDED = Set.of("InitiateAuth", "RespondToAuthChallenge", "ConfirmSignUp", "ConfirmForgotPassword", "ForgotPassword", "SignUp",
            "ResendConfirmationCode", "ChangePassword", "VerifyUserAttribute", "VerifySoftwareToken",
            "GetTokensFromRefreshToken", "RevokeToken");

    /** The answers that mean a guess was wrong (a wrong or unknown name is a guess too). */
    private static final Set<String> WRONG_GUESS = Set.of("NotAuthorizedException", "CodeMismatchException",
            "ExpiredCodeException", "UserNotFoundException", "EnableSoftwareTokenMFAException");

    @Inject
    LockoutSettings settings;

    @Inject
    LockoutStore store;

    @Inject
    ClientOrigins origins;

    @Inject
    Clock clock;

    /** Whether the Cognito operation takes a guessable secret, and so is throttled. */
    public static boolean guards(String operation) {
        return GUARDED.contains(operation);
    }

    /** Whether a failure is a wrong guess that spends the bucket. */
    public static boolean wrongGuess(ServiceException e) {
        return WRONG_GUESS.contains(e.type());
    }

    /**
     * Refuses the request when its address has used up its bucket.
     *
     * @throws AddressThrottled with the time until one more guess fits
     */
    public void check() {
        String address = address();
        if (address == null) {
            return;
        }
        long now = clock.millis();
        OptionalLong fullAt = store.addressFullAt(address, now);
        if (fullAt.isPresent() && !settings.bucket().admits(fullAt.getAsLong(), now)) {
            throw new AddressThrottled(settings.bucket().retryAfter(fullAt.getAsLong(), now));
        }
    }

    /** Spends one failure from the request's address's bucket. */
    public void failed() {
        String address = address();
        if (address == null) {
            return;
        }
        long now = clock.millis();
        try {
            if (store.addressFailed(address, now, settings.bucket().refill())) {
                return;
            }
            try {
                store.addressFirstFailure(address, settings.bucket().afterFailure(now, now));
            } catch (RuntimeException raced) {
                store.addressFailed(address, now, settings.bucket().refill());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A failed guess could not be counted against its address", e);
        }
    }

    /** The key of the request's address, or null when it is not throttled. */
    private String address() {
        ClientOrigin origin = origins.current();
        if (!settings.enabled() || !origin.known() || settings.exempt(origin.address())) {
            return null;
        }
        String address = origin.address();
        // A literal address fits; anything longer (an IPv6 zone, say) is kept by its hash.
        return address.length() <= 64 ? address : Hashes.sha256Hex(address);
    }
}
