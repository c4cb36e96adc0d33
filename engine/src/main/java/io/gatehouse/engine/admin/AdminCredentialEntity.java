package io.gatehouse.engine.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored admin credential (today: the bootstrap one generated on first start). */
@Entity
@Table(name = "admin_credential")
public class AdminCredentialEntity {

    @Id
    @Column(name = "access_key_id")
    private String accessKeyId;

    @Column(name = "secret_access_key", nullable = false)
    private String secretAccessKey;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected AdminCredentialEntity() {
    }

    AdminCredentialEntity(String accessKeyId, String secretAccessKey, String description, long createdAt) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.description = description;
        this.createdAt = createdAt;
    }

    String accessKeyId() {
        return accessKeyId;
    }

    /** Sealed with the data key ({@code SealedColumn.ADMIN_SECRET}). */
    String secretAccessKey() {
        return secretAccessKey;
    }
}
