-- Refresh token rotation keeps the chain: a rotated token records when it stops being usable (after the client's
-- grace period) and the token that replaced it. Presenting it after that is a sign of theft, and revokes the
-- whole sign-in (RFC 9700, section 4.14.2); presenting it again within the grace period replaces its successor.
ALTER TABLE refresh_token ADD COLUMN superseded_at BIGINT;
ALTER TABLE refresh_token ADD COLUMN successor_hash VARCHAR(64);
