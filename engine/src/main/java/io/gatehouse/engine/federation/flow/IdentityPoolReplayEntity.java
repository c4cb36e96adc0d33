package io.gatehouse.engine.federation.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A SAML assertion an identity pool has taken: the SHA-256 of its IAM provider's ARN and its ID, the pool it is bound
 * to, until it would have expired anyway.
 */
@Entity
@Table(name = "identity_pool_replay")
public class IdentityPoolReplayEntity {

    @Id
    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "identity_pool_id", nullable = false)
    private String identityPoolId;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected IdentityPoolReplayEntity() {
    }

    IdentityPoolReplayEntity(String keyHash, String identityPoolId, long expiresAt) {
        this.keyHash = keyHash;
        this.identityPoolId = identityPoolId;
        this.expiresAt = expiresAt;
    }

    String identityPoolId() {
        return identityPoolId;
    }

    long expiresAt() {
        return expiresAt;
    }

    /** The row of an expired key, taken again: bound anew. */
    void renew(String pool, long until) {
        this.identityPoolId = pool;
        this.expiresAt = until;
    }
}
