-- The authorization-code flow and the hosted UI's single sign-on.
--
-- Authorization codes are kept only as SHA-256 hashes, bound to the client, the redirect URI and the PKCE challenge
-- they were issued for. A redeemed code stays until it expires, with the origin_jti of the tokens it gave: a second
-- redemption is refused and revokes those tokens (RFC 6749 section 4.1.2).
CREATE TABLE authorization_code (
    code_hash      VARCHAR(64)   NOT NULL PRIMARY KEY,
    user_pool_id   VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id      VARCHAR(128)  NOT NULL,
    sub            VARCHAR(36)   NOT NULL,
    redirect_uri   VARCHAR(1024) NOT NULL,
    scopes         VARCHAR(16384) NOT NULL,
    nonce          VARCHAR(1024),
    code_challenge VARCHAR(128),
    auth_time      BIGINT        NOT NULL,
    expires_at     BIGINT        NOT NULL,
    redeemed_jti   VARCHAR(36)
);

CREATE INDEX authorization_code_expiry ON authorization_code (expires_at);

-- A browser's signed-in session with a pool's hosted UI (its cookie holds the random id; the hash is stored).
CREATE TABLE hosted_session (
    session_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_pool_id VARCHAR(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    sub          VARCHAR(36) NOT NULL,
    auth_time    BIGINT      NOT NULL,
    expires_at   BIGINT      NOT NULL
);

CREATE INDEX hosted_session_expiry ON hosted_session (expires_at);
CREATE INDEX hosted_session_by_user ON hosted_session (user_pool_id, sub);

-- The scopes a sign-in through the OAuth endpoints was granted, so its refreshed access tokens keep them. Null for
-- sign-ins through the Cognito API, whose access tokens carry aws.cognito.signin.user.admin alone. 16384 holds the
-- most a client can be allowed: 50 scopes of 256 characters.
ALTER TABLE refresh_token ADD COLUMN scopes VARCHAR(16384);
