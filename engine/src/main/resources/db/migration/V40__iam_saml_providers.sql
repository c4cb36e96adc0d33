-- IAM's SAML providers (CreateSAMLProvider and friends, the IAM Query API): the IdPs whose SAML responses identity
-- pools take as logins when their SamlProviderARNs name them, as in AWS. One row per provider; its ARN ends in its
-- name, and the ARN is the key of its logins in a Logins map.
CREATE TABLE iam_saml_provider (
    arn          VARCHAR(256)  NOT NULL PRIMARY KEY,
    name         VARCHAR(128)  NOT NULL,
    uuid         VARCHAR(36)   NOT NULL,
    -- The SAMLMetadataDocument as given (IAM takes up to 10,000,000 characters).
    metadata     TEXT          NOT NULL,
    -- The metadata's validUntil, if it names one.
    valid_until  BIGINT,
    -- JSON list of {"Key", "Value"} objects, in the order given.
    tags         TEXT          NOT NULL,
    created_at   BIGINT        NOT NULL
);

-- The SAML assertions identity pools have taken (their IAM provider's ARN and ID, hashed together), each bound to
-- the identity pool that took it first, across every node, until it would have expired anyway: as federated_replay
-- does for user pools' sign-ins. An app brings the same assertion to GetId, GetCredentialsForIdentity and
-- GetOpenIdToken of one pool; another pool refuses it.
CREATE TABLE identity_pool_replay (
    key_hash          VARCHAR(64) NOT NULL PRIMARY KEY,
    identity_pool_id  VARCHAR(55) NOT NULL,
    expires_at        BIGINT      NOT NULL
);
CREATE INDEX identity_pool_replay_expiry ON identity_pool_replay (expires_at);
