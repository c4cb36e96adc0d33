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

/**
 * Six-digit one-time codes: issued with an expiry, stored only as a salted hash, checked in constant time, and
 * spent after a bounded number of wrong guesses, so a code cannot be guessed online.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class VerificationCodes {

    /** Wrong guesses a code survives; the next one voids it. */
    static final int MAX_FAILURES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Issues a new code for the user and purpose, replacing any earlier one.
     *
     * @return the clear code, to send; never stored or logged
     */
    public String issue(String userPoolId, String sub, String purpose, Duration validity) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        // Expired codes are useless; clearing them as new ones are issued keeps the table small without a job.
        em.createQuery("delete from VerificationCodeEntity c where c.expiresAt < :now")
                .setParameter("now", clock.millis()).executeUpdate();
        VerificationCodeEntity existing = em.find(VerificationCodeEntity.class,
                new VerificationCodeEntity.Key(sub, purpose));
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new VerificationCodeEntity(sub, purpose, userPoolId, saltText, hash(saltText, code),
                clock.millis() + validity.toMillis()));
        return code;
    }

    /**
     * Checks a code and spends it when right.
     *
     * @throws ServiceException {@code CodeMismatchException} (wrong), {@code ExpiredCodeException} (expired or
     *                          none issued), {@code LimitExceededException} (too many wrong guesses)
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ServiceException.class)
    public void verify(String sub, String purpose, String code) {
        VerificationCodeEntity stored = em.find(VerificationCodeEntity.class,
                new VerificationCodeEntity.Key(sub, purpose), LockModeType.PESSIMISTIC_WRITE);
        if (stored == null || stored.expiresAt() < clock.millis()) {
            throw new ServiceException("ExpiredCodeException", "Invalid code provided, please request a code again.");
        }
        if (stored.failures() >= MAX_FAILURES) {
            throw new ServiceException("LimitExceededException", "Attempt limit exceeded, please try after some time.");
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

    /** Cognito's answer to a wrong code. */
    static ServiceException mismatch() {
        return new ServiceException("CodeMismatchException", "Invalid verification code provided, please try again.");
    }

    private static String hash(String salt, String code) {
        return Hashes.sha256Hex(salt + code);
    }
}
