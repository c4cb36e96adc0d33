-- A user's second factors (SetUserMFAPreference, AssociateSoftwareToken): a row per user and method. A method that
-- needs enrolment (an authenticator app) keeps its provider's state here, sealed by the provider with the data
-- key, unverified until the user has proven it once. As with devices, users are named by sub without a foreign key.
CREATE TABLE user_mfa (
    user_pool_id VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    sub          VARCHAR(36)   NOT NULL,
    method       VARCHAR(64)   NOT NULL,
    state        VARCHAR(4096),
    verified     BOOLEAN       NOT NULL,
    enabled      BOOLEAN       NOT NULL,
    preferred    BOOLEAN       NOT NULL,
    modified_at  BIGINT        NOT NULL,
    PRIMARY KEY (user_pool_id, sub, method)
);

-- What a challenge carries to its answer (a sent code's hash, whether the sign-in came from a known device), and
-- the wrong answers it has had: an MFA session ends after a bounded number.
ALTER TABLE auth_session ADD COLUMN state VARCHAR(4096);
ALTER TABLE auth_session ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
