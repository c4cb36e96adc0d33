package io.gatehouse.engine.threat.lockout;

import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * The counters' rows. Every write is a short transaction of its own: the sign-ins that count failures run their
 * password hashing outside any transaction, or in one that rolls back on the very failure being counted, and
 * neither may take the count with it.
 *
 * <p>A failure is one UPDATE whose arithmetic the database does, so two nodes counting at once both count; only an
 * address's or a user's first failure finds no row, and then INSERTs one. Two first failures at once make one of
 * the INSERTs fail on the primary key, and {@link #count} then runs the UPDATE again.
 * (An INSERT that fails aborts its PostgreSQL transaction, hence a transaction of its own for it, rather than a
 * dialect's upsert.)
 */
@ApplicationScoped
public class LockoutStore {

    @Inject
    ClusterJobs clusterJobs;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    /** A user's count as read: consecutive failures and the last one's instant. */
    public record UserCount(int failures, long lastFailureAt) {
    }

    /**
     * Counts a failure: the UPDATE of an existing row, else the INSERT of the first, else (another request inserted
     * it meanwhile) the UPDATE again. Each step is its own transaction, hence steps passed in through the bean's
     * proxy rather than called on {@code this}.
     */
    static void count(BooleanSupplier update, Runnable insert) {
        if (update.getAsBoolean()) {
            return;
        }
        try {
            insert.run();
        } catch (RuntimeException raced) {
            update.getAsBoolean();
        }
    }

    /** The user's live count, if any (a row past its expiry is no count). */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<UserCount> userCount(String lockKey, long now) {
        UserLockoutEntity row = em.find(UserLockoutEntity.class, lockKey);
        return row == null || row.expiresAt() <= now ? Optional.empty()
                : Optional.of(new UserCount(row.failures(), row.lastFailureAt()));
    }

    /**
     * Counts a failure on an existing row; an expired one starts again from one.
     *
     * @return whether the row was there
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean userFailed(String lockKey, long now, long expiresAt) {
        purgeWhenDue(now);
        return em.createQuery("update UserLockoutEntity u set u.failures = case when u.expiresAt <= :now then 1"
                        + " else u.failures + 1 end, u.lastFailureAt = :now, u.expiresAt = :expires"
                        + " where u.lockKey = :key")
                .setParameter("now", now).setParameter("expires", expiresAt).setParameter("key", lockKey)
                .executeUpdate() > 0;
    }

    /** A user's first failure. Fails on the primary key when another node wrote it first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void userFirstFailure(String lockKey, String userPoolId, long now, long expiresAt) {
        em.persist(new UserLockoutEntity(lockKey, userPoolId, now, expiresAt));
        em.flush();
    }

    /** Forgets a user's count (a success). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void userSucceeded(String lockKey) {
        em.createQuery("delete from UserLockoutEntity u where u.lockKey = :key").setParameter("key", lockKey)
                .executeUpdate();
    }

    /** The instant the address's bucket is full again, if it is not full now. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public OptionalLong addressFullAt(String address, long now) {
        AddressThrottleEntity row = em.find(AddressThrottleEntity.class, address);
        return row == null || row.fullAt() <= now ? OptionalLong.empty() : OptionalLong.of(row.fullAt());
    }

    /**
     * Spends one failure from an existing bucket: its full-again instant moves one refill past the later of itself
     * and now ({@link FailureBucket#afterFailure}).
     *
     * @return whether the row was there
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean addressFailed(String address, long now, Duration refill) {
        purgeWhenDue(now);
        long step = refill.toMillis();
        return em.createQuery("update AddressThrottleEntity a set a.fullAt = case when a.fullAt < :now"
                        + " then :fromNow else a.fullAt + :step end where a.address = :address")
                .setParameter("now", now).setParameter("fromNow", now + step).setParameter("step", step)
                .setParameter("address", address).executeUpdate() > 0;
    }

    /** An address's first failure in a while. Fails on the primary key when another node wrote it first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void addressFirstFailure(String address, long fullAt) {
        em.persist(new AddressThrottleEntity(address, fullAt));
        em.flush();
    }

    /** Now and then, with a failure (never a success), deletes the rows that say nothing any more. */
    private void purgeWhenDue(long now) {
        if (clusterJobs.due(ClusterJob.ADDRESS_THROTTLE_PURGE, now)) {
            em.createQuery("delete from UserLockoutEntity u where u.expiresAt <= :now").setParameter("now", now)
                    .executeUpdate();
            em.createQuery("delete from AddressThrottleEntity a where a.fullAt <= :now").setParameter("now", now)
                    .executeUpdate();
        }
    }
}
