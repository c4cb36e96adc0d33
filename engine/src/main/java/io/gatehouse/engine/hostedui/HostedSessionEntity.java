package io.gatehouse.engine.hostedui;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A browser signed in to a pool's hosted UI, by the hash of its cookie. */
@Entity
@Table(name = "hosted_session")
public class HostedSessionEntity {

    @Id
    @Column(name = "session_hash")
    private String sessionHash;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "sub", nullable = false)
    private String sub;

    @Column(name = "auth_time", nullable = false)
    private long authTime;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "provider_name")
    private String providerName;

    @Column(name = "sign_out_hint")
    private String signOutHint;

    @Column(name = "upstream_session")
    private String upstreamSession;

    protected HostedSessionEntity() {
    }

    HostedSessionEntity(String sessionHash, String userPoolId, String sub, long authTime, long expiresAt) {
        this.sessionHash = sessionHash;
        this.userPoolId = userPoolId;
        this.sub = sub;
        this.authTime = authTime;
        this.expiresAt = expiresAt;
    }

    /** Marks the session as begun at an external IdP, with what ends the IdP's session (sealed), if anything. */
    void upstream(String providerName, String sealedSignOutHint, String upstreamSessionHash) {
        this.providerName = providerName;
        this.upstreamSession = upstreamSessionHash;
        this.signOutHint = sealedSignOutHint;
    }

    String providerName() {
        return providerName;
    }

    String signOutHint() {
        return signOutHint;
    }

    String userPoolId() {
        return userPoolId;
    }

    String sub() {
        return sub;
    }

    long authTime() {
        return authTime;
    }

    long expiresAt() {
        return expiresAt;
    }
}
