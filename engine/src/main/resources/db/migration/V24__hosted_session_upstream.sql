-- A hosted UI session begun by a sign-in through an external IdP remembers which, and what that IdP needs to end
-- its own session too (an OpenID Connect IdP's ID token, as id_token_hint), sealed with the data key: /logout can
-- then continue at the IdP where its provider says so.
ALTER TABLE hosted_session ADD COLUMN provider_name VARCHAR(32);
ALTER TABLE hosted_session ADD COLUMN sign_out_hint VARCHAR(16384);
