package io.gatehouse.engine.auth;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.security.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * The {@code Session} of Cognito's challenge flows: an unguessable string handed to the client with a challenge,
 * stored as a hash in the database with the one challenge it awaits and its expiry, and spent when answered.
 * SRP, MFA and custom challenges chain through the same sessions.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuthSessions {


    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ClusterJobs clusterJobs;

    /**
     * What a session carries to the next step.
     *
     * @param state    what the challenge recorded for its answer (a sent code's hash, say), or null
     * @param failures the wrong answers it has had
     */
    public record Pending(String userPoolId, String clientId, String sub, String challenge, String state,
                          int failures) {
    }

    /**
     * Opens a session awaiting {@code challenge}.
     *
     * @return the session string for the client; only its hash is stored
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public String open(String userPoolId, String clientId, String sub, String challenge, Duration validity) {
        return open(userPoolId, clientId, sub, challenge, validity, null);
    }

    /**
     * Opens a session awaiting {@code challenge}, carrying {@code state} to its answer.
     *
     * @return the session string for the client; only its hash is stored
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public String open(String userPoolId, String clientId, String sub, String challenge, Duration validity,
                       String state) {
        if (clusterJobs.due(ClusterJob.AUTH_SESSION_PURGE, clock.millis())) {
            em.createQuery("delete from AuthSessionEntity s where s.expiresAt < :now")
                    .setParameter("now", clock.millis()).executeUpdate();
        }
        String session = RandomTokens.urlSafe(48);
        em.persist(new AuthSessionEntity(Hashes.sha256Hex(session), userPoolId, clientId, sub, challenge,
                clock.millis() + validity.toMillis(), state));
        return session;
    }

    /**
     * Takes the session for an answer to {@code challenge} from {@code clientId}. It is spent with the call's
     * transaction: an answer that is accepted uses it up, one that fails rolls back and leaves it for a retry.
     *
     * @throws ServiceException {@code NotAuthorizedException} when the session is unknown, spent, expired, of
     *                          another client or awaiting another challenge
     */
    public Pending take(String session, String clientId, String challenge) {
        return takeStored(session, clientId, challenge);
    }

    /**
     * Takes the session in a transaction of its own, so it is spent even when the answer then fails: for
     * challenges whose every answer is a guess (PASSWORD_VERIFIER), one per session.
     *
     * @throws ServiceException as {@link #take}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Pending spend(String session, String clientId, String challenge) {
        return takeStored(session, clientId, challenge);
    }

    /**
     * The state of a session that stays open: for a page that shows what the next step asks before it is answered.
     *
     * @throws ServiceException as {@link #take}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Pending peek(String session, String clientId, String challenge) {
        AuthSessionEntity stored = session == null ? null : em.find(AuthSessionEntity.class, Hashes.sha256Hex(session));
        return pending(stored, clientId, challenge);
    }

    /**
     * Takes a session awaiting {@code challenge} whatever its client: for the calls that carry a Session and no
     * ClientId (AssociateSoftwareToken, VerifySoftwareToken during MFA_SETUP). Spent with the call's transaction.
     *
     * @throws ServiceException as {@link #take}
     */
    public Pending takeAny(String session, String challenge) {
        AuthSessionEntity stored = session == null ? null
                : em.find(AuthSessionEntity.class, Hashes.sha256Hex(session), LockModeType.PESSIMISTIC_WRITE);
        Pending pending = pending(stored, stored == null ? null : stored.clientId(), challenge);
        em.remove(stored);
        return pending;
    }

    /**
     * Holds the session, locked, for an answer that may be wrong: {@link #spendHeld} ends it once the answer is
     * right, {@link #failHeld} counts a wrong one, and ends it at {@code maxFailures}.
     *
     * @throws ServiceException as {@link #take}
     */
    public Pending hold(String session, String clientId, String challenge) {
        AuthSessionEntity stored = session == null ? null
                : em.find(AuthSessionEntity.class, Hashes.sha256Hex(session), LockModeType.PESSIMISTIC_WRITE);
        return pending(stored, clientId, challenge);
    }

    /** Ends a held session: its answer was right. */
    public void spendHeld(String session) {
        AuthSessionEntity stored = em.find(AuthSessionEntity.class, Hashes.sha256Hex(session));
        if (stored != null) {
            em.remove(stored);
        }
    }

    /**
     * Counts a wrong answer to a held session, and ends the session at {@code maxFailures}; the caller's
     * transaction must commit although its call fails.
     *
     * @return whether the session is over
     */
    public boolean failHeld(String session, int maxFailures) {
        AuthSessionEntity stored = em.find(AuthSessionEntity.class, Hashes.sha256Hex(session));
        if (stored == null) {
            return true;
        }
        stored.failed();
        if (stored.failures() >= maxFailures) {
            em.remove(stored);
            return true;
        }
        return false;
    }

    private Pending takeStored(String session, String clientId, String challenge) {
        Pending pending = hold(session, clientId, challenge);
        spendHeld(session);
        return pending;
    }

    private Pending pending(AuthSessionEntity stored, String clientId, String challenge) {
        if (stored == null || stored.expiresAt() < clock.millis() || !stored.clientId().equals(clientId)
                || !stored.challenge().equals(challenge)) {
            throw new ServiceException("NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
        return new Pending(stored.userPoolId(), stored.clientId(), stored.sub(), stored.challenge(), stored.state(),
                stored.failures());
    }
}
