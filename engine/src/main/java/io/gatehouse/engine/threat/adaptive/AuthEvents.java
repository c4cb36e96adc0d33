package io.gatehouse.engine.threat.adaptive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The stored auth events: written once per sign-in attempt, read as a user's history by the signals and by
 * AdminListUserAuthEvents. Events older than {@code gatehouse.auth-events.retention} (ISO-8601, {@code P90D} by
 * default) are deleted in the background ({@link AuthEventPurge}), in batches of {@link #PURGE_BATCH}.
 */
@ApplicationScoped
public class AuthEvents {

    /**
     * How many of a user's latest events the signals look at: enough for the devices and networks a user ordinarily
     * moves between, few enough to read on every sign-in (reading them is the largest part of what adaptive
     * authentication adds to a sign-in: each is a row fetched by the index).
     */
    public static final int HISTORY = 20;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.auth-events.retention", defaultValue = "P90D")
    Duration retention;

    /** The most expired events one transaction of the purge deletes. */
    static final int PURGE_BATCH = 500;

    /** Deletes a user's events (the user is being deleted), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetUser(String userPoolId, String sub) {
        em.createQuery("delete from AuthEvent e where e.userPoolId = :pool and e.sub = :sub")
                .setParameter("pool", userPoolId).setParameter("sub", sub).executeUpdate();
    }

    /**
     * Stores an event, in a transaction of its own: an attempt that is then refused is still recorded, and the
     * caller's work (a refused sign-in rolls back) does not take it along.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void add(AuthEvent event) {
        em.persist(event);
    }

    /**
     * Deletes up to {@link #PURGE_BATCH} of the oldest events past their retention, in a transaction of its own.
     *
     * @return how many it deleted: fewer than the batch when none are left
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purgeBatch() {
        List<String> expired = em.createQuery("select e.id from AuthEvent e where e.createdAt < :before"
                        + " order by e.createdAt", String.class)
                .setParameter("before", clock.millis() - retention.toMillis()).setMaxResults(PURGE_BATCH)
                .getResultList();
        return expired.isEmpty() ? 0 : em.createQuery("delete from AuthEvent e where e.id in :ids")
                .setParameter("ids", expired).executeUpdate();
    }

    /** What the signals know before a sign-in of {@code sub} from {@code address}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SignInHistory history(String userPoolId, String sub, String address) {
        // Ordered by the whole index key, or H2 reads and sorts all the user's events instead of taking the newest
        // off the index.
        List<PastSignIn> settled = signIns("select e.network, e.agentFamily, e.response, e.feedbackValue,"
                + " e.createdAt from AuthEvent e where e.userPoolId = :pool and e.sub = :sub and e.settled = true"
                + " order by e.userPoolId, e.sub, e.settled, e.createdAt desc", userPoolId, sub);
        List<PastSignIn> recent = signIns("select e.network, e.agentFamily, e.response, e.feedbackValue,"
                + " e.createdAt from AuthEvent e where e.userPoolId = :pool and e.sub = :sub"
                + " order by e.userPoolId, e.sub, e.createdAt desc", userPoolId, sub);
        // Counted only up to the threshold: under a flood of guesses a full count would walk every one of them.
        long failures = em.createQuery("select e.createdAt from AuthEvent e where e.ipAddress = :address"
                        + " and e.response = :fail and e.createdAt >= :since", Long.class)
                .setParameter("address", address).setParameter("fail", AuthEvent.FAIL)
                .setParameter("since", clock.millis() - FailuresFromAddress.WINDOW.toMillis())
                .setMaxResults(FailuresFromAddress.THRESHOLD).getResultList().size();
        return new SignInHistory(settled, recent, failures);
    }

    /** The newest {@link #HISTORY} events a query selects, as the signals see them: five columns, no entities. */
    private List<PastSignIn> signIns(String query, String userPoolId, String sub) {
        return em.createQuery(query, Object[].class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).setMaxResults(HISTORY)
                .getResultStream().map(r -> new PastSignIn((String) r[0], (String) r[1], (String) r[2],
                        (String) r[3], ((Number) r[4]).longValue())).toList();
    }

    /**
     * A page of the user's events, newest first.
     *
     * @param after the last event of the previous page, or null for the first
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuthEvent> page(String userPoolId, String sub, int size, AuthEvent after) {
        String where = after == null ? ""
                : " and (e.createdAt < :at or (e.createdAt = :at and e.id < :id))";
        var query = em.createQuery("select e from AuthEvent e where e.userPoolId = :pool and e.sub = :sub" + where
                + " order by e.userPoolId, e.sub, e.createdAt desc, e.id desc", AuthEvent.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).setMaxResults(size);
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** The user's event {@code eventId}, if there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AuthEvent> find(String userPoolId, String sub, String eventId) {
        return Optional.ofNullable(em.find(AuthEvent.class, eventId))
                .filter(e -> e.userPoolId().equals(userPoolId) && e.sub().equals(sub));
    }

    /**
     * Records feedback on an event.
     *
     * @return whether the user has such an event
     */
    @Transactional
    public boolean feedback(String userPoolId, String sub, String eventId, String value, String provider) {
        AuthEvent event = em.find(AuthEvent.class, eventId);
        if (event == null || !event.userPoolId().equals(userPoolId) || !event.sub().equals(sub)) {
            return false;
        }
        event.feedback(value, provider, clock.millis());
        return true;
    }

    /**
     * The second factor of the user's sign-in still in progress was answered: the event passes with the right code,
     * and records the wrong one. Only events younger than {@code within} (the longest a challenge's session lasts)
     * are touched.
     */
    @Transactional
    public void secondFactorAnswered(String userPoolId, String sub, boolean right, Duration within) {
        List<AuthEvent> open = em.createQuery("select e from AuthEvent e where e.userPoolId = :pool and e.sub = :sub"
                        + " and e.response = :progress and e.createdAt >= :since order by e.createdAt desc",
                        AuthEvent.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub)
                .setParameter("progress", AuthEvent.IN_PROGRESS)
                .setParameter("since", clock.millis() - within.toMillis()).setMaxResults(1).getResultList();
        open.forEach(e -> e.secondFactor(right));
    }
}
