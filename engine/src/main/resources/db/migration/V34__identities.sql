-- An identity pool's identities (GetId, DescribeIdentity, ListIdentities, DeleteIdentities): one row per identity,
-- and one row per login linked to it, keyed by the provider and the login's subject there, so that the same sign-in
-- always finds the same identity. A guest's identity has no login.
CREATE TABLE identity (
    -- <region>:<uuid>, as Cognito names identities.
    id                VARCHAR(55)  NOT NULL PRIMARY KEY,
    identity_pool_id  VARCHAR(55)  NOT NULL REFERENCES identity_pool (id) ON DELETE CASCADE,
    created_at        BIGINT       NOT NULL,
    modified_at       BIGINT       NOT NULL
);
CREATE INDEX identity_by_pool ON identity (identity_pool_id, created_at, id);

CREATE TABLE identity_login (
    identity_pool_id  VARCHAR(55)  NOT NULL,
    -- The provider as the Logins map names it (cognito-idp.<region>.amazonaws.com/<user pool id>, ...).
    provider          VARCHAR(256) NOT NULL,
    -- The login's subject at the provider (a user pool user's sub).
    subject           VARCHAR(256) NOT NULL,
    identity_id       VARCHAR(55)  NOT NULL REFERENCES identity (id) ON DELETE CASCADE,
    created_at        BIGINT       NOT NULL,
    PRIMARY KEY (identity_pool_id, provider, subject)
);
CREATE INDEX identity_login_by_identity ON identity_login (identity_id);
