-- Threat protection's settings (SetRiskConfiguration): a pool's, under client id ALL, and an app client's own,
-- which replaces the pool's compromised-credentials and account-takeover parts as in Cognito. Each part is the
-- request's JSON as validated against the service model, null when not set (the defaults apply).
CREATE TABLE risk_configuration (
    user_pool_id       VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id          VARCHAR(128) NOT NULL,
    compromised        TEXT,
    account_takeover   TEXT,
    risk_exceptions    TEXT,
    modified_at        BIGINT       NOT NULL,
    PRIMARY KEY (user_pool_id, client_id)
);
