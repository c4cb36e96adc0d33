-- Refresh tokens, kept only as SHA-256 hashes (they are long random strings, so an unsalted hash is safe).
-- origin_jti ties together every token of one sign-in, so signing out can revoke them all.
CREATE TABLE refresh_token (
    token_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_pool_id VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id    VARCHAR(128) NOT NULL,
    sub          VARCHAR(36)  NOT NULL,
    origin_jti   VARCHAR(36)  NOT NULL,
    auth_time    BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    revoked_at   BIGINT
);

CREATE INDEX refresh_token_by_user ON refresh_token (user_pool_id, sub);
CREATE INDEX refresh_token_by_origin ON refresh_token (origin_jti);
