package io.gatehouse.engine.identitypool.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code identity_login}: a provider's subject linked to an identity. */
@Entity
@Table(name = "identity_login")
@IdClass(IdentityLoginEntity.Key.class)
public class IdentityLoginEntity {

    /** The primary key: the pool, the provider and the subject there. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String identityPoolId;
        private String provider;
        private String subject;

        public Key() {
        }

        public Key(String identityPoolId, String provider, String subject) {
            this.identityPoolId = identityPoolId;
            this.provider = provider;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.identityPoolId, identityPoolId)
                    && Objects.equals(k.provider, provider) && Objects.equals(k.subject, subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identityPoolId, provider, subject);
        }
    }

    @Id
    @Column(name = "identity_pool_id")
    private String identityPoolId;

    @Id
    @Column(name = "provider")
    private String provider;

    @Id
    @Column(name = "subject")
    private String subject;

    @Column(name = "identity_id", nullable = false)
    private String identityId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected IdentityLoginEntity() {
    }

    IdentityLoginEntity(String identityPoolId, Login login, String identityId, long now) {
        this.identityPoolId = identityPoolId;
        this.provider = login.provider();
        this.subject = login.subject();
        this.identityId = identityId;
        this.createdAt = now;
    }

    String provider() {
        return provider;
    }

    String subject() {
        return subject;
    }

    String identityId() {
        return identityId;
    }

    /** MergeDeveloperIdentities: the login now belongs to another identity of the pool. */
    void moveTo(String otherIdentityId) {
        identityId = otherIdentityId;
    }
}
