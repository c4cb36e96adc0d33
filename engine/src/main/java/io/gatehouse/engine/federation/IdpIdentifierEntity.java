package io.gatehouse.engine.federation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code idp_identifier}: one identifier, by its lower-cased key, names one IdP of a pool. */
@Entity
@Table(name = "idp_identifier")
@IdClass(IdpIdentifierEntity.Key.class)
public class IdpIdentifierEntity {

    /** The primary key: pool and identifier key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String identifierKey;

        public Key() {
        }

        Key(String userPoolId, String identifierKey) {
            this.userPoolId = userPoolId;
            this.identifierKey = identifierKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userPoolId.equals(userPoolId) && k.identifierKey.equals(identifierKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, identifierKey);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "identifier_key")
    private String identifierKey;

    @Column(name = "provider_name", nullable = false)
    private String providerName;

    protected IdpIdentifierEntity() {
    }

    IdpIdentifierEntity(String userPoolId, String identifierKey, String providerName) {
        this.userPoolId = userPoolId;
        this.identifierKey = identifierKey;
        this.providerName = providerName;
    }

    String providerName() {
        return providerName;
    }
}
