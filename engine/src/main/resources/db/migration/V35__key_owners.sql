-- Signing keys belong to an owner, no longer only to a user pool: each user pool (its ID and access token keys) and
-- the identity pools' OpenID token issuer (one issuer for the server, as Cognito's cognito-identity.amazonaws.com).
-- key_owner holds one row per owner: the keys reference it, so a deleted owner takes its keys with it, and key
-- rotation locks its row, so two nodes noticing at once schedule one successor.
CREATE TABLE key_owner (
    id  VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO key_owner (id) SELECT id FROM user_pool;
INSERT INTO key_owner (id) VALUES ('cognito-identity');

-- signing_key.user_pool_id becomes owner. Dropping the old column drops its unnamed foreign key to user_pool on
-- both H2 and PostgreSQL; its index goes first, as H2 will not drop a column an index of several columns uses.
ALTER TABLE signing_key ADD COLUMN owner VARCHAR(64);
UPDATE signing_key SET owner = user_pool_id;
ALTER TABLE signing_key ALTER COLUMN owner SET NOT NULL;
DROP INDEX signing_key_by_pool;
ALTER TABLE signing_key DROP COLUMN user_pool_id;
ALTER TABLE signing_key ADD CONSTRAINT signing_key_owner FOREIGN KEY (owner) REFERENCES key_owner (id)
    ON DELETE CASCADE;
CREATE INDEX signing_key_by_owner ON signing_key (owner, purpose, created_at);
