-- The tables of the default user store (spi-providers/userstore-jdbc), which keeps users on the engine's database.

CREATE TABLE pool_user (
    sub           VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_pool_id  VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    -- As the user chose it; username_key is what lookups compare (lower-cased in case-insensitive pools).
    username      VARCHAR(128) NOT NULL,
    username_key  VARCHAR(128) NOT NULL,
    status        VARCHAR(32)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    -- A PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash): the parameters travel with each hash.
    password_hash VARCHAR(512),
    created_at    BIGINT       NOT NULL,
    modified_at   BIGINT       NOT NULL
);

CREATE UNIQUE INDEX pool_user_by_username ON pool_user (user_pool_id, username_key);

CREATE TABLE pool_user_attribute (
    sub          VARCHAR(36)   NOT NULL REFERENCES pool_user (sub) ON DELETE CASCADE,
    user_pool_id VARCHAR(55)   NOT NULL,
    name         VARCHAR(64)   NOT NULL,
    value_text   VARCHAR(2048) NOT NULL,
    -- Lower-cased value: aliases (email, phone_number, preferred_username) are found regardless of case.
    value_key    VARCHAR(2048) NOT NULL,
    PRIMARY KEY (sub, name)
);

-- Alias lookups and ListUsers filters: one attribute's value within a pool.
CREATE INDEX pool_user_attribute_by_value ON pool_user_attribute (user_pool_id, name, value_key);
