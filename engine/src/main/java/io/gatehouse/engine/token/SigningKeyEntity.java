package io.gatehouse.engine.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key owner's signing key pair (see {@link KeyOwner}), stored as a private JWK sealed with the data key ({@code SealedColumn.SIGNING_KEY}). */
@Entity
@Table(name = "signing_key")
public class SigningKeyEntity {

    @Id
    @Column(name = "kid")
    private String kid;

    @Column(name = "owner", nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false)
    private TokenPurpose purpose;

    @Column(name = "algorithm", nullable = false)
    private String algorithm;

    @Column(name = "private_jwk", nullable = false)
    private String sealedJwk;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "activates_at", nullable = false)
    private long activatesAt;

    @Column(name = "retired_at")
    private Long retiredAt;

    protected SigningKeyEntity() {
    }

    SigningKeyEntity(String kid, String owner, TokenPurpose purpose, String algorithm, String sealedJwk,
                     long createdAt, long activatesAt) {
        this.kid = kid;
        this.owner = owner;
        this.purpose = purpose;
        this.algorithm = algorithm;
        this.sealedJwk = sealedJwk;
        this.createdAt = createdAt;
        this.activatesAt = activatesAt;
    }

    KeyRing.Key toKey() {
        return new KeyRing.Key(kid, purpose, sealedJwk, createdAt, activatesAt, retiredAt);
    }

    void retireAt(long when) {
        retiredAt = when;
    }

    String kid() {
        return kid;
    }

}
