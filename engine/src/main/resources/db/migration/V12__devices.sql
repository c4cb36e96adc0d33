-- Remembered devices (ConfirmDevice and friends). A device key is handed out with a sign-in (NewDeviceMetadata) and
-- waits, unconfirmed, until the client confirms it with the SRP verifier of the device's own random password; then
-- the device can prove itself with DEVICE_SRP_AUTH. As with groups, users are named by sub without a foreign key.
CREATE TABLE user_device (
    device_key            VARCHAR(55)   NOT NULL PRIMARY KEY,
    user_pool_id          VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    sub                   VARCHAR(36)   NOT NULL,
    device_group_key      VARCHAR(64)   NOT NULL,
    device_name           VARCHAR(1024),
    -- The device's SRP salt and verifier (hex); null until ConfirmDevice. The device's password is 40 random
    -- bytes, so the verifier cannot be attacked offline the way a user's can.
    salt                  VARCHAR(512),
    verifier              VARCHAR(1024),
    -- remembered, not_remembered, or null while the user has not been asked (DeviceOnlyRememberedOnUserPrompt).
    remembered_status     VARCHAR(16),
    created_at            BIGINT        NOT NULL,
    modified_at           BIGINT        NOT NULL,
    last_authenticated_at BIGINT
);

-- A user's devices, for ListDevices and the sign-in's lookup.
CREATE INDEX user_device_by_user ON user_device (user_pool_id, sub, device_key);
-- Unconfirmed keys are purged after a day.
CREATE INDEX user_device_by_creation ON user_device (created_at);
