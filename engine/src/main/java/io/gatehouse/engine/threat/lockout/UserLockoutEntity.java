package io.gatehouse.engine.threat.lockout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's (or an unknown name's) consecutive failures; see {@link LockSchedule}. */
@Entity
@Table(name = "user_lockout")
public class UserLockoutEntity {

    @Id
    @Column(name = "lock_key")
    private String lockKey;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private long lastFailureAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected UserLockoutEntity() {
    }

    /** The first failure. */
    UserLockoutEntity(String lockKey, String userPoolId, long failedAt, long expiresAt) {
        this.lockKey = lockKey;
        this.userPoolId = userPoolId;
        this.failures = 1;
        this.lastFailureAt = failedAt;
        this.expiresAt = expiresAt;
    }

    int failures() {
        return failures;
    }

    long lastFailureAt() {
        return lastFailureAt;
    }

    long expiresAt() {
        return expiresAt;
    }
}
