package io.gatehouse.engine.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A refresh token, by the hash of its value. */
@Entity
@Table(name = "refresh_token")
public class RefreshTokenEntity {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "sub", nullable = false)
    private String sub;

    @Column(name = "origin_jti", nullable = false)
    private String originJti;

    @Column(name = "auth_time", nullable = false)
    private long authTime;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "revoked_at")
    private Long revokedAt;

    /** When a rotated token stops being usable (its grace period's end); null until it is rotated. */
    @Column(name = "superseded_at")
    private Long supersededAt;

    /** The hash of the token that replaced this one when it was last rotated. */
    @Column(name = "successor_hash")
    private String successorHash;

    /** The OAuth scopes granted, space-separated; null for a sign-in through the Cognito API. */
    @Column(name = "scopes")
    private String scopes;

    protected RefreshTokenEntity() {
    }

    RefreshTokenEntity(String tokenHash, String userPoolId, String clientId, String sub, String originJti,
                       long authTime, long expiresAt, String scopes) {
        this.tokenHash = tokenHash;
        this.scopes = scopes;
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.sub = sub;
        this.originJti = originJti;
        this.authTime = authTime;
        this.expiresAt = expiresAt;
    }

    String clientId() {
        return clientId;
    }

    String sub() {
        return sub;
    }

    String originJti() {
        return originJti;
    }

    long authTime() {
        return authTime;
    }

    long expiresAt() {
        return expiresAt;
    }

    String scopes() {
        return scopes;
    }

    Long revokedAt() {
        return revokedAt;
    }

    String userPoolId() {
        return userPoolId;
    }

    Long supersededAt() {
        return supersededAt;
    }

    String successorHash() {
        return successorHash;
    }

    /** Whether the token was rotated and its grace period is over at {@code now}. */
    boolean supersededBy(long now) {
        return supersededAt != null && supersededAt <= now;
    }

    /**
     * Records a rotation: {@code successorHash} replaces this token, which stays usable until {@code until} (or
     * an earlier end set before).
     */
    void supersede(long until, String successorHash) {
        this.supersededAt = supersededAt == null ? until : Math.min(supersededAt, until);
        this.successorHash = successorHash;
    }

    void revoke(long now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
