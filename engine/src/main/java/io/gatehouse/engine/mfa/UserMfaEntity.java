package io.gatehouse.engine.mfa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code user_mfa}: one user's setting of one method. */
@Entity
@Table(name = "user_mfa")
@IdClass(UserMfaEntity.Key.class)
public class UserMfaEntity {

    /** The composite key: a user's method. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String userPoolId;
        String sub;
        String method;

        public Key() {
        }

        Key(String userPoolId, String sub, String method) {
            this.userPoolId = userPoolId;
            this.sub = sub;
            this.method = method;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userPoolId, k.userPoolId) && Objects.equals(sub, k.sub)
                    && Objects.equals(method, k.method);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, sub, method);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "sub")
    private String sub;

    @Id
    @Column(name = "method")
    private String method;

    @Column(name = "state")
    private String state;

    @Column(name = "verified", nullable = false)
    private boolean verified;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "preferred", nullable = false)
    private boolean preferred;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    protected UserMfaEntity() {
    }

    UserMfaEntity(String userPoolId, String sub, String method, long now) {
        this.userPoolId = userPoolId;
        this.sub = sub;
        this.method = method;
        this.modifiedAt = now;
    }

    MfaSetting toSetting() {
        return new MfaSetting(method, state, verified, enabled, preferred);
    }

    /** A new enrolment, unproven: it replaces the one before and turns the method off until it is proven. */
    void enrol(String pendingState, long now) {
        this.state = pendingState;
        this.verified = false;
        this.enabled = false;
        this.preferred = false;
        this.modifiedAt = now;
    }

    /** The enrolment was proven: its confirmed state, usable from now on. */
    void verified(String confirmedState, long now) {
        this.state = confirmedState;
        this.verified = true;
        this.modifiedAt = now;
    }

    void state(String newState, long now) {
        this.state = newState;
        this.modifiedAt = now;
    }

    void preference(boolean enabled, boolean preferred, long now) {
        this.enabled = enabled;
        this.preferred = preferred;
        this.modifiedAt = now;
    }
}
