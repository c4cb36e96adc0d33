package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.threat.AddressRange;
import io.gatehouse.engine.threat.ClientOrigin;
import io.gatehouse.engine.threat.ClientOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
 * <p>An IPv6 client is counted by its network ({@code gatehouse.lockout.address.ipv6-prefix}, a /64 by default):
 * whoever has one address of a /64 usually has them all, and would otherwise get a fresh bucket per address. An
 * IPv4 address written as IPv6 is the IPv4 one.
 *
 * <p>{@link #check} and {@link #failed} are a read then a write, so guesses sent at once from one address all pass
 * the check before any of them is counted. That is acceptable here, unlike for a user's lock: the bucket holds 100
 * failures and only slows a spray down; an overshoot of the requests one address has in flight at once is
 * counted all the same, and refused from then on until it refills.
 *
 * <p>Work outside a request (no address) and the addresses in {@code gatehouse.lockout.address.exempt} are not
 * throttled; the per-user locks still hold for them.
 */
@ApplicationScoped
public class AddressThrottle {

    private static final Logger LOG = Logger.getLogger(AddressThrottle.class.getName());

    /**
     * The Cognito operations that check a password, a code, a SECRET_HASH, a refresh token or a login token. Not
     * their Admin forms:
     * a back end signed with the admin credential calls those for all its users from its own address, which would
     * be throttled for every user at once; the per-user locks hold there.
     */
    private static final Set<String> GUARDED = Set.of("InitiateAuth", "RespondToAuthChallenge", "ConfirmSignUp", "ConfirmForgotPassword", "ForgotPassword", "SignUp",
            "ResendConfirmationCode", "ChangePassword", "VerifyUserAttribute", "VerifySoftwareToken",
            "GetTokensFromRefreshToken", "RevokeToken",
            // The identity-pool API's unsigned calls that take a login token.
            "GetId", "GetCredentialsForIdentity", "GetOpenIdToken", "UnlinkIdentity");

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
     * Runs a guess under the bucket: refused when the address has used it up ({@link #check}), counted when the
     * guess fails in a way {@code wrong} calls wrong.
     *
     * @throws AddressThrottled when the address has used up its bucket
     */
    public <T, E extends RuntimeException> T guard(Supplier<T> guess, Class<E> failure, Predicate<E> wrong) {
        check();
        try {
            return guess.get();
        } catch (RuntimeException e) {
            if (failure.isInstance(e) && wrong.test(failure.cast(e))) {
                failed();
            }
            throw e;
        }
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
            LockoutStore.count(() -> store.addressFailed(address, now, settings.bucket().refill()),
                    () -> store.addressFirstFailure(address, settings.bucket().afterFailure(now, now)));
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
        return key(origin.address(), settings.ipv6Prefix());
    }

    /**
     * The bucket's key for an address: an IPv4 address as it is (also when written as IPv6), an IPv6 one as its
     * network of {@code ipv6Prefix} bits ({@code 2001:db8:0:0:0:0:0:0/64}); anything else as it is when it fits
     * the column, by its hash when not.
     */
    public static String key(String address, int ipv6Prefix) {
        byte[] bytes = AddressRange.literal(address);
        if (bytes != null && bytes.length == 16 && AddressRange.mappedIpv4(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        if (bytes == null) {
            return address.length() <= 64 ? address : Hashes.sha256Hex(address);
        }
        try {
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] network = new AddressRange(bytes, ipv6Prefix).network();
            return InetAddress.getByAddress(network).getHostAddress() + "/" + ipv6Prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }
}
