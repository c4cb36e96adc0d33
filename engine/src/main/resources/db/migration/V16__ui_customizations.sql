-- Hosted UI (classic) branding (SetUICustomization): a pool's CSS and logo, for all its app clients (client_id
-- 'ALL', as Cognito names it) or for one client, whose customization then replaces the pool's whole. client_id has
-- no foreign key because 'ALL' is not a client. The logo is kept as base64 in TEXT, the large-text type the other
-- tables use on both H2 and PostgreSQL; it is at most 100 KB.
CREATE TABLE ui_customization (
    user_pool_id  VARCHAR(55)  NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    client_id     VARCHAR(128) NOT NULL,
    css           TEXT,
    image         TEXT,
    image_type    VARCHAR(16),
    created_at    BIGINT       NOT NULL,
    modified_at   BIGINT       NOT NULL,
    PRIMARY KEY (user_pool_id, client_id)
);
