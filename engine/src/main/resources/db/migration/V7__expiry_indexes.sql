-- Expired codes and refresh tokens are purged as new ones are issued; these indexes keep that a short range scan.
CREATE INDEX verification_code_by_expiry ON verification_code (expires_at);
CREATE INDEX refresh_token_by_expiry ON refresh_token (expires_at);
