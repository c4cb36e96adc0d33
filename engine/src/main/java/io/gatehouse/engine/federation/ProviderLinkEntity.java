package io.gatehouse.engine.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code provider_link}: an upstream subject at one IdP of a pool, linked to a native user's sub. */
@Entity
@Table(name = "provider_link")
@IdClass(ProviderLinkEntity.Key.class)
public class ProviderLinkEntity {

    /** The primary key: pool, IdP and upstream subject. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String providerName;
        private String providerSubject;

        public Key() {
        }

        Key(String userPoolId, String providerName, String providerSubject) {
            this.userPoolId = userPoolId;
            this.providerName = providerName;
            this.providerSubject = providerSubject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userPoolId.equals(userPoolId) && k.providerName.equals(providerName)
                    && k.providerSubject.equals(providerSubject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, providerName, providerSubject);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "provider_name")
    private String providerName;

    @Id
    @Column(name = "provider_subject")
    private String providerSubject;

    @Column(name = "sub", nullable = false)
    private String sub;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected ProviderLinkEntity() {
    }

    ProviderLinkEntity(String userPoolId, String providerName, String providerSubject, String sub, long now) {
        this.userPoolId = userPoolId;
        this.providerName = providerName;
        this.providerSubject = providerSubject;
        this.sub = sub;
        this.createdAt = now;
    }

    String sub() {
        return sub;
    }
}
