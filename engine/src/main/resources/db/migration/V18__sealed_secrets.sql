-- Client secrets and stored admin secrets are kept sealed with the server's data key (as signing_key.private_jwk
-- is): gh1:<data key id>:<base64url of nonce and AES-GCM ciphertext>, longer than the clear values were. The
-- engine seals rows stored before this at its next start (SealSecretsAtStart), not here: the key is not the
-- database's to know.
ALTER TABLE user_pool_client ALTER COLUMN client_secret SET DATA TYPE VARCHAR(256);
ALTER TABLE admin_credential ALTER COLUMN secret_access_key SET DATA TYPE VARCHAR(256);
