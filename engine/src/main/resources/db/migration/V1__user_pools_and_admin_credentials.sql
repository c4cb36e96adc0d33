-- Runs unchanged on the embedded H2 (PostgreSQL mode) and on PostgreSQL.
-- Times are epoch milliseconds: portable, and what the Cognito wire format is derived from.

CREATE TABLE user_pool (
    id          VARCHAR(55)  NOT NULL PRIMARY KEY,
    name        VARCHAR(128) NOT NULL,
    -- The pool's configuration in the shape of Cognito's UserPoolType, as JSON.
    settings    TEXT         NOT NULL,
    created_at  BIGINT       NOT NULL,
    modified_at BIGINT       NOT NULL,
    version     BIGINT       NOT NULL
);

CREATE TABLE user_pool_client (
    client_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    user_pool_id  VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_name   VARCHAR(128) NOT NULL,
    client_secret VARCHAR(64),
    -- The client's configuration in the shape of Cognito's UserPoolClientType, as JSON.
    settings      TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL,
    modified_at   BIGINT       NOT NULL,
    version       BIGINT       NOT NULL
);

-- ListUserPoolClients pages through one pool's clients in client-id order.
CREATE INDEX user_pool_client_by_pool ON user_pool_client (user_pool_id, client_id);

-- Credentials for SigV4-signed administrative calls. SigV4 needs the secret itself to recompute signatures,
-- so it cannot be stored as a one-way hash.
CREATE TABLE admin_credential (
    access_key_id     VARCHAR(128) NOT NULL PRIMARY KEY,
    secret_access_key VARCHAR(128) NOT NULL,
    description       VARCHAR(256) NOT NULL,
    created_at        BIGINT       NOT NULL
);
