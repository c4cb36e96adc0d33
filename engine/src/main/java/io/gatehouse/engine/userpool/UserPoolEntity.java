package io.gatehouse.engine.userpool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A user pool row. Its settings are JSON in the shape of Cognito's {@code UserPoolType}. */
@Entity
@Table(name = "user_pool")
public class UserPoolEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "settings", nullable = false)
    private String settings;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserPoolEntity() {
    }

    UserPoolEntity(String id, String name, String settings, long now) {
        this.id = id;
        this.name = name;
        this.settings = settings;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String settings() {
        return settings;
    }

    long createdAt() {
        return createdAt;
    }

    long modifiedAt() {
        return modifiedAt;
    }

    void update(String newName, String newSettings, long now) {
        this.name = newName;
        this.settings = newSettings;
        this.modifiedAt = now;
    }
}
