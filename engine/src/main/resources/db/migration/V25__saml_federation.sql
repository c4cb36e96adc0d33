-- SAML federation.
-- Each pool's own keys towards SAML IdPs (the service provider's): one signing and one encryption key in use, made
-- on first need and rotatable; a retired key is kept until deleted, so that an IdP that has not read the new
-- metadata yet still gets its encrypted assertions opened. The private key is PKCS#8 sealed with the data key; the
-- certificate, DER in base64, is public (SP metadata, GetSigningCertificate).
CREATE TABLE local_party_key (
    user_pool_id VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    key_id       VARCHAR(36)   NOT NULL,
    purpose      VARCHAR(16)   NOT NULL,
    private_key  VARCHAR(8192) NOT NULL,
    certificate  VARCHAR(8192) NOT NULL,
    created_at   BIGINT        NOT NULL,
    retired_at   BIGINT,
    PRIMARY KEY (user_pool_id, key_id)
);

-- The issuer an IdP names itself by (a SAML entity id), as its provider type reads it from the details: finds the
-- IdP of a message the server did not ask for (an IdP-initiated sign-in or sign-out).
ALTER TABLE identity_provider ADD COLUMN issuer VARCHAR(1024);
CREATE INDEX identity_provider_issuer ON identity_provider (issuer);

-- Answers of an IdP that are good once (SAML assertion ids), by SHA-256, until they would expire anyway: a second
-- sign-in with the same assertion finds its row, on whichever node it arrives.
CREATE TABLE federated_replay (
    user_pool_id  VARCHAR(55) NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    provider_name VARCHAR(32) NOT NULL,
    key_hash      VARCHAR(64) NOT NULL,
    expires_at    BIGINT      NOT NULL,
    PRIMARY KEY (user_pool_id, provider_name, key_hash)
);
CREATE INDEX federated_replay_expiry ON federated_replay (expires_at);

-- A sign-out continued at an IdP that answers it (SAML's LogoutResponse) waits in the same table as a sign-in at an
-- IdP does: a state, a browser binding and the provider's pending state; its request parameters hold where to go.
ALTER TABLE federated_login ADD COLUMN purpose VARCHAR(16) DEFAULT 'sign-in' NOT NULL;

-- The IdP session a hosted session was begun in (a SAML NameID and SessionIndex), by SHA-256: a sign-out the IdP
-- begins names it, and ends that session's sign-ins only, in the pool it was for.
ALTER TABLE hosted_session ADD COLUMN upstream_session VARCHAR(64);
CREATE INDEX hosted_session_upstream ON hosted_session (user_pool_id, provider_name, upstream_session);
