-- Sign-ins begun at an external identity provider and not yet back. The state sent to the IdP is kept only as a
-- SHA-256 hash, with the browser binding (the hash of a cookie set when the sign-in began, so a callback carried to
-- another browser signs nobody in there), the app's authorization request to finish, and the provider's pending
-- state (PKCE verifier, nonce) sealed with the data key. A row is taken once: a replayed callback finds none.
CREATE TABLE federated_login (
    state_hash         VARCHAR(64)   NOT NULL PRIMARY KEY,
    browser_hash       VARCHAR(64)   NOT NULL,
    user_pool_id       VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    provider_name      VARCHAR(32)   NOT NULL,
    request_parameters VARCHAR(16384) NOT NULL,
    pending_state      VARCHAR(16384) NOT NULL,
    expires_at         BIGINT        NOT NULL
);

CREATE INDEX federated_login_expiry ON federated_login (expires_at);
