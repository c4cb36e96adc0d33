-- Resource servers (CreateResourceServer and friends): an API identifier and the custom scopes it defines, which
-- app clients may be allowed and access tokens carry as <identifier>/<scope>.
CREATE TABLE resource_server (
    user_pool_id VARCHAR(55)   NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    identifier   VARCHAR(256)  NOT NULL,
    name         VARCHAR(256)  NOT NULL,
    -- The ResourceServerScopeType list as JSON: [{"ScopeName": ..., "ScopeDescription": ...}].
    scopes       VARCHAR(65536) NOT NULL,
    created_at   BIGINT        NOT NULL,
    modified_at  BIGINT        NOT NULL,
    PRIMARY KEY (user_pool_id, identifier)
);
