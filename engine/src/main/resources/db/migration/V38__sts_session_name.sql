-- The role session name of local-sts credentials, which the assumed-role ARN ends in: Cognito's
-- CognitoIdentityCredentials for GetCredentialsForIdentity (every row so far), the caller's RoleSessionName for
-- AssumeRoleWithWebIdentity.
ALTER TABLE sts_session ADD COLUMN session_name VARCHAR(64) DEFAULT 'CognitoIdentityCredentials' NOT NULL;
