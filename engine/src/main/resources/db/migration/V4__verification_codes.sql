-- One-time codes sent to users (sign-up confirmation, password reset, attribute verification). Only a salted
-- hash is kept; a newer code of the same purpose replaces the older one.
CREATE TABLE verification_code (
    sub          VARCHAR(36)  NOT NULL,
    purpose      VARCHAR(80)  NOT NULL,
    user_pool_id VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    salt         VARCHAR(44)  NOT NULL,
    code_hash    VARCHAR(64)  NOT NULL,
    expires_at   BIGINT       NOT NULL,
    failures     INTEGER      NOT NULL,
    PRIMARY KEY (sub, purpose)
);
