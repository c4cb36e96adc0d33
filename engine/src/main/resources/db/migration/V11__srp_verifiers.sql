-- The jdbc user store keeps each user's SRP verifier (for USER_SRP_AUTH) beside the password hash, encrypted by the
-- engine with the server's data key before it gets here; dropped whenever the password changes.
ALTER TABLE pool_user ADD COLUMN srp_verifier VARCHAR(1024);
