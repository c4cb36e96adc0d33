-- Key rotation publishes a successor key in the JWKS before it signs anything, so that resource servers caching
-- the JWKS know it by the time its first token reaches them. A key signs from activates_at; its predecessor's
-- retired_at is set to the same instant.
ALTER TABLE signing_key ADD COLUMN activates_at BIGINT;
UPDATE signing_key SET activates_at = created_at;
ALTER TABLE signing_key ALTER COLUMN activates_at SET NOT NULL;
