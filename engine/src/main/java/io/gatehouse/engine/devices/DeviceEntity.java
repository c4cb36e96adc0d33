package io.gatehouse.engine.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code user_device}. */
@Entity
@Table(name = "user_device")
public class DeviceEntity {

    @Id
    @Column(name = "device_key")
    private String deviceKey;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "sub", nullable = false)
    private String sub;

    @Column(name = "device_group_key", nullable = false)
    private String deviceGroupKey;

    @Column(name = "device_name")
    private String deviceName;

    @Column(name = "salt")
    private String salt;

    @Column(name = "verifier")
    private String verifier;

    @Column(name = "remembered_status")
    private String rememberedStatus;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    @Column(name = "last_authenticated_at")
    private Long lastAuthenticatedAt;

    protected DeviceEntity() {
    }

    DeviceEntity(String deviceKey, String userPoolId, String sub, String deviceGroupKey, long now) {
        this.deviceKey = deviceKey;
        this.userPoolId = userPoolId;
        this.sub = sub;
        this.deviceGroupKey = deviceGroupKey;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    void confirm(String name, String saltHex, String verifierHex, String status, long now) {
        this.deviceName = name;
        this.salt = saltHex;
        this.verifier = verifierHex;
        this.rememberedStatus = status;
        this.modifiedAt = now;
    }

    void remember(String status, long now) {
        this.rememberedStatus = status;
        this.modifiedAt = now;
    }

    void authenticated(long now) {
        this.lastAuthenticatedAt = now;
    }

    String sub() {
        return sub;
    }

    Device view() {
        return new Device(deviceKey, userPoolId, sub, deviceGroupKey, deviceName, salt, verifier, rememberedStatus,
                createdAt, modifiedAt, lastAuthenticatedAt);
    }
}
