package io.gatehouse.engine.federation.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** An IdP's single-use answer already taken (its key's SHA-256), until it would have expired anyway. */
@Entity
@Table(name = "federated_replay")
@IdClass(FederatedReplayEntity.Key.class)
public class FederatedReplayEntity {

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String providerName;
        private String keyHash;

        public Key() {
        }

        Key(String userPoolId, String providerName, String keyHash) {
            this.userPoolId = userPoolId;
            this.providerName = providerName;
            this.keyHash = keyHash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userPoolId, k.userPoolId)
                    && Objects.equals(providerName, k.providerName) && Objects.equals(keyHash, k.keyHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, providerName, keyHash);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "provider_name")
    private String providerName;

    @Id
    @Column(name = "key_hash")
    private String keyHash;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected FederatedReplayEntity() {
    }

    FederatedReplayEntity(String userPoolId, String providerName, String keyHash, long expiresAt) {
        this.userPoolId = userPoolId;
        this.providerName = providerName;
        this.keyHash = keyHash;
        this.expiresAt = expiresAt;
    }

    long expiresAt() {
        return expiresAt;
    }

    void renew(long until) {
        expiresAt = until;
    }
}
