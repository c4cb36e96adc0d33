package io.gatehouse.engine.federation.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A SAML assertion an identity pool has taken: the SHA-256 of its IAM provider's ARN and its ID, until it would have
 * expired anyway.
 */
@Entity
@Table(name = "identity_pool_replay")
public class IdentityPoolReplayEntity {

    @Id
    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected IdentityPoolReplayEntity() {
    }

    IdentityPoolReplayEntity(String keyHash, long expiresAt) {
        this.keyHash = keyHash;
        this.expiresAt = expiresAt;
    }

    long expiresAt() {
        return expiresAt;
    }

    void renew(long until) {
        this.expiresAt = until;
    }
}
