package io.gatehouse.engine.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pending challenge of a multi-step sign-in. */
@Entity
@Table(name = "auth_session")
public class AuthSessionEntity {

    @Id
    @Column(name = "session_hash")
    private String sessionHash;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "sub", nullable = false)
    private String sub;

    @Column(name = "challenge", nullable = false)
    private String challenge;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    /** What the challenge carries to its answer, or null. */
    @Column(name = "state")
    private String state;

    /** Wrong answers so far. */
    @Column(name = "failures", nullable = false)
    private int failures;

    protected AuthSessionEntity() {
    }

    AuthSessionEntity(String sessionHash, String userPoolId, String clientId, String sub, String challenge,
                      long expiresAt, String state) {
        this.state = state;
        this.sessionHash = sessionHash;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.sub = sub;
        this.challenge = challenge;
        this.expiresAt = expiresAt;
    }

    String userPoolId() {
        return userPoolId;
    }

    String clientId() {
        return clientId;
    }

    String sub() {
        return sub;
    }

    String challenge() {
        return challenge;
    }

    long expiresAt() {
        return expiresAt;
    }

    String state() {
        return state;
    }

    int failures() {
        return failures;
    }

    void failed() {
        failures++;
    }
}
