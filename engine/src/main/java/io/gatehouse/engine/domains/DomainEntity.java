package io.gatehouse.engine.domains;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code user_pool_domain}. */
@Entity
@Table(name = "user_pool_domain")
public class DomainEntity {

    @Id
    @Column(name = "domain")
    private String domain;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "custom", nullable = false)
    private boolean custom;

    @Column(name = "certificate_arn")
    private String certificateArn;

    @Column(name = "managed_login_version", nullable = false)
    private int managedLoginVersion;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected DomainEntity() {
    }

    DomainEntity(String domain, String userPoolId, String certificateArn, int managedLoginVersion, long now) {
        this.domain = domain;
        this.userPoolId = userPoolId;
        this.custom = certificateArn != null;
        this.certificateArn = certificateArn;
        this.managedLoginVersion = managedLoginVersion;
        this.createdAt = now;
    }

    void update(String certificateArn, int managedLoginVersion) {
        if (custom && certificateArn != null) {
            this.certificateArn = certificateArn;
        }
        this.managedLoginVersion = managedLoginVersion;
    }

    Domain view() {
        return new Domain(domain, userPoolId, custom, certificateArn, managedLoginVersion);
    }
}
