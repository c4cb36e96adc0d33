package io.gatehouse.engine.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A one-time code, kept as a salted hash. */
@Entity
@Table(name = "verification_code")
@IdClass(VerificationCodeEntity.Key.class)
public class VerificationCodeEntity {

    /** The composite key: one live code per user and purpose. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String sub;
        String purpose;

        public Key() {
        }

        Key(String sub, String purpose) {
            this.sub = sub;
            this.purpose = purpose;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sub, k.sub) && Objects.equals(purpose, k.purpose);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sub, purpose);
        }
    }

    @Id
    @Column(name = "sub")
    private String sub;

    @Id
    @Column(name = "purpose")
    private String purpose;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "salt", nullable = false)
    private String salt;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "failures", nullable = false)
    private int failures;

    protected VerificationCodeEntity() {
    }

    VerificationCodeEntity(String sub, String purpose, String userPoolId, String salt, String codeHash,
                           long expiresAt) {
        this.sub = sub;
        this.purpose = purpose;
        this.userPoolId = userPoolId;
        this.salt = salt;
        this.codeHash = codeHash;
        this.expiresAt = expiresAt;
    }

    String salt() {
        return salt;
    }

    String codeHash() {
        return codeHash;
    }

    long expiresAt() {
        return expiresAt;
    }

    int failures() {
        return failures;
    }

    void failed() {
        failures++;
    }
}
