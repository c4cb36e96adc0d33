package io.gatehouse.engine.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code identity_provider}: its JSON columns are written and read by {@link IdentityProviders}. */
@Entity
@Table(name = "identity_provider")
@IdClass(IdentityProviderEntity.Key.class)
public class IdentityProviderEntity {

    /** The primary key: pool and provider name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String providerName;

        public Key() {
        }

        Key(String userPoolId, String providerName) {
            this.userPoolId = userPoolId;
            this.providerName = providerName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userPoolId.equals(userPoolId) && k.providerName.equals(providerName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, providerName);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "provider_name")
    private String providerName;

    @Column(name = "provider_type", nullable = false)
    private String providerType;

    @Column(name = "details", nullable = false)
    private String details;

    @Column(name = "attribute_mapping", nullable = false)
    private String attributeMapping;

    @Column(name = "idp_identifiers", nullable = false)
    private String idpIdentifiers;

    @Column(name = "issuer")
    private String issuer;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    protected IdentityProviderEntity() {
    }

    IdentityProviderEntity(String userPoolId, String providerName, String providerType, long now) {
        this.userPoolId = userPoolId;
        this.providerName = providerName;
        this.providerType = providerType;
        this.createdAt = now;
    }

    /** Sets what CreateIdentityProvider and UpdateIdentityProvider change. */
    void set(String newDetails, String newAttributeMapping, String newIdpIdentifiers, String newIssuer, long now) {
        this.details = newDetails;
        this.issuer = newIssuer;
        this.attributeMapping = newAttributeMapping;
        this.idpIdentifiers = newIdpIdentifiers;
        this.modifiedAt = now;
    }

    String userPoolId() {
        return userPoolId;
    }

    String providerName() {
        return providerName;
    }

    String providerType() {
        return providerType;
    }

    String details() {
        return details;
    }

    String attributeMapping() {
        return attributeMapping;
    }

    String idpIdentifiers() {
        return idpIdentifiers;
    }

    long createdAt() {
        return createdAt;
    }

    long modifiedAt() {
        return modifiedAt;
    }

    /** Never shows the details: they hold sealed secrets. */
    @Override
    public String toString() {
        return "IdentityProviderEntity[" + userPoolId + "/" + providerName + "]";
    }
}
