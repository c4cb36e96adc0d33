package io.gatehouse.engine.users;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.Hashes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Six-digit one-time codes: issued with an expiry, stored only as a salted hash, checked in constant time, and
 * spent after a bounded number of wrong guesses, so a code cannot be guessed online.
 *
 * <p>Limits hold per user and purpose over a window of {@link #WINDOW}, across re-issued codes: at most
 * {@link #MAX_SENDS} codes are sent in it and at most {@link #MAX_WINDOW_FAILURES} wrong guesses are taken, on top
 * of {@link #MAX_FAILURES} per code. Without the window, "send a new code, guess five times" could be looped to
 * guess a reset code online (about 830,000 requests for even odds); with it, ten guesses an hour make even odds a
 * matter of decades. The price, as in Cognito, is that a stranger's wrong guesses can hold up a user's code for
 * the rest of the window.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VerificationCodes {

    /** Wrong guesses a code survives; the next one voids it. */
    static final int MAX_FAILURES = 5;
    /** Wrong guesses per user and purpose in a window, however many codes were sent. */
    static final int MAX_WINDOW_FAILURES = 10;
    /** Codes sent per user and purpose in a window. */
    static final int MAX_SENDS = 5;
    static final Duration WINDOW = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Issues a new code for the user and purpose, replacing any earlier one; the window's counts carry over.
     *
     * @return the clear code, to send; never stored or logged
     * @throws ServiceException {@code LimitExceededException} when the window's codes are all sent
     */
    public String issue(String userPoolId, String sub, String purpose, Duration validity) {
        long now = clock.millis();
        // Rows past both their code and their window are useless; clearing them as codes are issued keeps the
        // table small without a job.
        em.createQuery("delete from VerificationCodeEntity c where c.expiresAt < :now and c.windowStartedAt < :start")
                .setParameter("now", now).setParameter("start", now - WINDOW.toMillis()).executeUpdate();
        VerificationCodeEntity stored = window(userPoolId, sub, purpose, now, MAX_SENDS);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        stored.reissue(saltText, hash(saltText, code), now + validity.toMillis());
        // Written now, so that a locking read later in the same transaction (a stand-in's code checked right
        // after it was issued) finds it: such a read goes to the database, not the persistence context.
        em.flush();
        return code;
    }

    /**
     * Counts a message sent to the user for {@code purpose} whose code lives elsewhere (an MFA challenge's code
     * lives in its session), under the same window as the codes here.
     *
     * @throws ServiceException {@code LimitExceededException} when {@code most} were sent in the window already
     */
    public void countSend(String userPoolId, String sub, String purpose, int most) {
        window(userPoolId, sub, purpose, clock.millis(), most).counted();
    }

    /**
     * The user's row for {@code purpose}, locked, its window rolled on where it has ended; a new row has no code
     * (an empty hash no answer matches, expired from the start) until one is issued.
     *
     * @throws ServiceException {@code LimitExceededException} when {@code most} were sent in the window already
     */
    private VerificationCodeEntity window(String userPoolId, String sub, String purpose, long now, int most) {
        VerificationCodeEntity stored = em.find(VerificationCodeEntity.class,
                new VerificationCodeEntity.Key(sub, purpose), LockModeType.PESSIMISTIC_WRITE);
        if (stored == null) {
            stored = new VerificationCodeEntity(sub, purpose, userPoolId, now);
            em.persist(stored);
        }
        stored.rollWindow(now, WINDOW.toMillis());
        if (stored.windowSends() >= most) {
            throw limitExceeded();
        }
        return stored;
    }

    /**
     * Issues a code, as {@link #issue} does, unless a live one is there: for a stand-in that must look like a user
     * who was sent a code when they signed up.
     */
    public void ensureIssued(String userPoolId, String sub, String purpose, Duration validity) {
        VerificationCodeEntity stored = em.find(VerificationCodeEntity.class,
                new VerificationCodeEntity.Key(sub, purpose));
        if (stored == null || stored.expiresAt() < clock.millis()) {
            issue(userPoolId, sub, purpose, validity);
        }
    }

    /**
     * Checks a code and spends it when right.
     *
     * @throws ServiceException {@code CodeMismatchException} (wrong), {@code ExpiredCodeException} (expired or
     *                          none issued), {@code LimitExceededException} (too many wrong guesses)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ServiceException.class)
    public void verify(String sub, String purpose, String code) {
        long now = clock.millis();
        VerificationCodeEntity stored = em.find(VerificationCodeEntity.class,
                new VerificationCodeEntity.Key(sub, purpose), LockModeType.PESSIMISTIC_WRITE);
        if (stored == null || stored.expiresAt() < now) {
            throw new ServiceException("ExpiredCodeException", "Invalid code provided, please request a code again.");
        }
        stored.rollWindow(now, WINDOW.toMillis());
        if (stored.failures() >= MAX_FAILURES || stored.windowFailures() >= MAX_WINDOW_FAILURES) {
            throw limitExceeded();
        }
        boolean right = MessageDigest.isEqual(hash(stored.salt(), code).getBytes(StandardCharsets.US_ASCII),
                stored.codeHash().getBytes(StandardCharsets.US_ASCII));
        if (!right) {
            // Counted even though the call fails: the caller's transaction commits this on the way out.
            stored.failed();
            throw mismatch();
        }
        em.remove(stored);
    }

    /**
     * The stand-in user id under which codes are "issued" to a name that has no code to receive: an unknown user
     * (or one a flow does not apply to) where the client prevents existence errors. Issuing and checking codes for
     * it does the same work, and meets the same limits, as for a real user, so neither the answers nor their
     * timing tell whether the user exists. Real subs are random (version 4) UUIDs; these are name-based (version
     * 3), so the two never meet.
     */
    static String standInSub(String userPoolId, String username) {
        return UUID.nameUUIDFromBytes(("no-such-user\n" + userPoolId + "\n" + username)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static ServiceException limitExceeded() {
        return new ServiceException("LimitExceededException", "Attempt limit exceeded, please try after some time.");
    }

    /** Cognito's answer to a wrong code. */
    static ServiceException mismatch() {
        return new ServiceException("CodeMismatchException", "Invalid verification code provided, please try again.");
    }

    private static String hash(String salt, String code) {
        return Hashes.sha256Hex(salt + code);
    }
}
