-- Client secret rotation (AddUserPoolClientSecret, ListUserPoolClientSecrets, DeleteUserPoolClientSecret): a client
-- has at most two secrets, both valid. They are kept in the client's row, not in a table of their own, because every
-- sign-in of a confidential client reads that row already (SECRET_HASH, /oauth2/token): a second secret costs no
-- second query. client_secret stays the first slot, so a confidential client always has one; second_client_secret is
-- the other, sealed with the data key like the first (SealedColumn.SECOND_CLIENT_SECRET). Each secret has its id,
-- <client id>--<epoch milliseconds of its creation>, and its creation time; the existing secrets get theirs from the
-- client's creation.
ALTER TABLE user_pool_client ADD COLUMN client_secret_id VARCHAR(128);
ALTER TABLE user_pool_client ADD COLUMN client_secret_created_at BIGINT;
ALTER TABLE user_pool_client ADD COLUMN second_client_secret VARCHAR(256);
ALTER TABLE user_pool_client ADD COLUMN second_client_secret_id VARCHAR(128);
ALTER TABLE user_pool_client ADD COLUMN second_client_secret_created_at BIGINT;
UPDATE user_pool_client SET client_secret_id = client_id || '--' || CAST(created_at AS VARCHAR(20)),
    client_secret_created_at = created_at WHERE client_secret IS NOT NULL;

-- A user import job's upload token (the token of its PreSignedUrl, which DescribeUserImportJob shows again, so it is
-- sealed rather than hashed) was kept in clear: whoever read it could upload users into the pool. It is sealed with
-- the data key from now on (SealedColumn.UPLOAD_TOKEN); the rows stored before are sealed at the next start.
ALTER TABLE user_import_job ALTER COLUMN upload_token SET DATA TYPE VARCHAR(256);
