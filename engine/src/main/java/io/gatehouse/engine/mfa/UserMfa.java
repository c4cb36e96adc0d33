package io.gatehouse.engine.mfa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The {@code user_mfa} rows: each user's second factors, their enrolment state and the user's preferences. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class UserMfa {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    /** A user's settings, every method they ever set. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MfaSetting> of(String userPoolId, String sub) {
        return em.createQuery("select m from UserMfaEntity m where m.userPoolId = :pool and m.sub = :sub",
                        UserMfaEntity.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).getResultList().stream()
                .map(UserMfaEntity::toSetting).toList();
    }

    /** A user's setting of one method. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MfaSetting> find(String userPoolId, String sub, String method) {
        return Optional.ofNullable(em.find(UserMfaEntity.class, new UserMfaEntity.Key(userPoolId, sub, method)))
                .map(UserMfaEntity::toSetting);
    }

    /** Starts an enrolment (AssociateSoftwareToken): the method is off until {@link #verified} proves it. */
    public void enrol(String userPoolId, String sub, String method, String pendingState) {
        row(userPoolId, sub, method).enrol(pendingState, clock.millis());
    }

    /** The enrolment was proven (VerifySoftwareToken). */
    public void verified(String userPoolId, String sub, String method, String confirmedState) {
        row(userPoolId, sub, method).verified(confirmedState, clock.millis());
    }

    /** The method's state after a sign-in used it (an authenticator's last accepted time step). */
    public void updateState(String userPoolId, String sub, String method, String state) {
        row(userPoolId, sub, method).state(state, clock.millis());
    }

    /** Turns a method on or off for sign-ins, and makes it the preferred one or not. */
    public void preference(String userPoolId, String sub, String method, boolean enabled, boolean preferred) {
        UserMfaEntity row = row(userPoolId, sub, method);
        if (row.toSetting().state() == null && !row.toSetting().verified()) {
            // A method without enrolment (a code to a phone or an address) needs no proof of its own.
            row.verified(null, clock.millis());
        }
        row.preference(enabled, preferred, clock.millis());
    }

    /** Forgets a deleted user's settings. */
    public void forgetUser(String userPoolId, String sub) {
        em.createQuery("delete from UserMfaEntity m where m.userPoolId = :pool and m.sub = :sub")
                .setParameter("pool", userPoolId).setParameter("sub", sub).executeUpdate();
    }

    private UserMfaEntity row(String userPoolId, String sub, String method) {
        UserMfaEntity row = em.find(UserMfaEntity.class, new UserMfaEntity.Key(userPoolId, sub, method),
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new UserMfaEntity(userPoolId, sub, method, clock.millis());
            em.persist(row);
        }
        return row;
    }
}
