package io.gatehouse.engine.identitypool.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code identity}: one identity of an identity pool. */
@Entity
@Table(name = "identity")
public class IdentityEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "identity_pool_id", nullable = false)
    private String identityPoolId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    @Column(name = "disabled", nullable = false)
    private boolean disabled;

    protected IdentityEntity() {
    }

    IdentityEntity(String id, String identityPoolId, long now) {
        this.id = id;
        this.identityPoolId = identityPoolId;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    String id() {
        return id;
    }

    String identityPoolId() {
        return identityPoolId;
    }

    long createdAt() {
        return createdAt;
    }

    long modifiedAt() {
        return modifiedAt;
    }

    boolean disabled() {
        return disabled;
    }

    void touch(long now) {
        modifiedAt = now;
    }

    /** Its last login was unlinked: nothing may use it again. */
    void disable(long now) {
        disabled = true;
        modifiedAt = now;
    }
}
