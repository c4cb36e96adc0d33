package io.gatehouse.engine.resourceservers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code resource_server}. */
@Entity
@Table(name = "resource_server")
@IdClass(ResourceServerEntity.Key.class)
public class ResourceServerEntity {

    /** The primary key: pool and identifier. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String identifier;

        public Key() {
        }

        Key(String userPoolId, String identifier) {
            this.userPoolId = userPoolId;
            this.identifier = identifier;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userPoolId.equals(userPoolId) && k.identifier.equals(identifier);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, identifier);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "identifier")
    private String identifier;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "scopes", nullable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    protected ResourceServerEntity() {
    }

    ResourceServerEntity(String userPoolId, String identifier, String name, String scopes, long now) {
        this.userPoolId = userPoolId;
        this.identifier = identifier;
        this.name = name;
        this.scopes = scopes;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    void update(String name, String scopes, long now) {
        this.name = name;
        this.scopes = scopes;
        this.modifiedAt = now;
    }

    ResourceServer view() {
        return new ResourceServer(userPoolId, identifier, name, ResourceServer.Scope.parse(scopes));
    }
}
