-- Token signing keys, per pool and purpose (Cognito signs ID and access tokens with different keys).
-- A retired key stays published in the pool's JWKS until every token it signed has expired.
CREATE TABLE signing_key (
    kid          VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_pool_id VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    purpose      VARCHAR(16)  NOT NULL,
    algorithm    VARCHAR(16)  NOT NULL,
    -- The key pair as a private JWK (JSON).
    private_jwk  TEXT         NOT NULL,
    created_at   BIGINT       NOT NULL,
    retired_at   BIGINT
);

CREATE INDEX signing_key_by_pool ON signing_key (user_pool_id, purpose, created_at);
