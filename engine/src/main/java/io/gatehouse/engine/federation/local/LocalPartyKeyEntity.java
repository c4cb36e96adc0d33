package io.gatehouse.engine.federation.local;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One of a pool's keys towards SAML IdPs: its private key sealed, its certificate public. */
@Entity
@Table(name = "local_party_key")
@IdClass(LocalPartyKeyEntity.Key.class)
public class LocalPartyKeyEntity {

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String keyId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userPoolId, k.userPoolId) && Objects.equals(keyId, k.keyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, keyId);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "key_id")
    private String keyId;

    @Column(name = "purpose", nullable = false)
    private String purpose;

    @Column(name = "private_key", nullable = false)
    private String privateKey;

    @Column(name = "certificate", nullable = false)
    private String certificate;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "retired_at")
    private Long retiredAt;

    protected LocalPartyKeyEntity() {
    }

    LocalPartyKeyEntity(String userPoolId, String keyId, KeyPurpose purpose, String sealedPrivateKey,
                        String certificate, long createdAt) {
        this.userPoolId = userPoolId;
        this.keyId = keyId;
        this.purpose = purpose.stored();
        this.privateKey = sealedPrivateKey;
        this.certificate = certificate;
        this.createdAt = createdAt;
    }

    String keyId() {
        return keyId;
    }

    KeyPurpose purpose() {
        return KeyPurpose.of(purpose);
    }

    String sealedPrivateKey() {
        return privateKey;
    }

    String certificate() {
        return certificate;
    }

    long createdAt() {
        return createdAt;
    }

    boolean retired() {
        return retiredAt != null;
    }

    void retire(long now) {
        retiredAt = now;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "LocalPartyKeyEntity[" + userPoolId + "/" + keyId + " " + purpose + "]";
    }
}
