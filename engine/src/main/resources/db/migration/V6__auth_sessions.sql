-- Multi-step sign-ins: the Session string of a pending challenge, kept as a hash, with the one challenge it
-- awaits. Any node can answer it, and it dies at its expiry or when answered.
CREATE TABLE auth_session (
    session_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_pool_id VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id    VARCHAR(128) NOT NULL,
    sub          VARCHAR(36)  NOT NULL,
    challenge    VARCHAR(64)  NOT NULL,
    expires_at   BIGINT       NOT NULL
);

CREATE INDEX auth_session_by_expiry ON auth_session (expires_at);
