-- User pool domains (CreateUserPoolDomain and friends): the host names a pool's hosted UI and OAuth endpoints answer
-- at. A pool has at most one prefix domain (<prefix>.<the server's domain suffix>) and one custom domain.
CREATE TABLE user_pool_domain (
    domain                VARCHAR(253)  NOT NULL PRIMARY KEY,
    user_pool_id          VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    custom                BOOLEAN       NOT NULL,
    certificate_arn       VARCHAR(2048),
    managed_login_version INTEGER       NOT NULL,
    created_at            BIGINT        NOT NULL
);

CREATE UNIQUE INDEX user_pool_domain_by_pool ON user_pool_domain (user_pool_id, custom);
