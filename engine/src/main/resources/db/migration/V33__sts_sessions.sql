-- The temporary credentials the built-in local-sts broker issued (GetCredentialsForIdentity): one row per access key
-- id, with whom and which role it stands for. The secret key is not stored at all (it is derived from the access key
-- id under the data key whenever a signature is checked) and the session token only as its SHA-256, so this table
-- holds nothing that signs a request. Rows are purged once expired.
CREATE TABLE sts_session (
    access_key_id      VARCHAR(20)   NOT NULL PRIMARY KEY,
    session_token_hash VARCHAR(64)   NOT NULL,
    identity_pool_id   VARCHAR(55)   NOT NULL,
    identity_id        VARCHAR(55)   NOT NULL,
    role_arn           VARCHAR(2048) NOT NULL,
    authenticated      BOOLEAN       NOT NULL,
    session_tags       TEXT          NOT NULL,
    created_at         BIGINT        NOT NULL,
    expires_at         BIGINT        NOT NULL
);
CREATE INDEX sts_session_expires ON sts_session (expires_at);
