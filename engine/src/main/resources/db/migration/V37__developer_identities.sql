-- Developer-authenticated identities and unlinking (LookupDeveloperIdentity, MergeDeveloperIdentities,
-- UnlinkDeveloperIdentity, UnlinkIdentity). A developer user is a login of the pool's developer provider whose
-- subject is the developer's user identifier, which Cognito allows up to 1024 characters long.
ALTER TABLE identity_login ALTER COLUMN subject SET DATA TYPE VARCHAR(1024);
-- An identity whose last login was unlinked is disabled, as in Cognito: it does not become a guest's, and no call
-- may use it again (its logins find new identities).
ALTER TABLE identity ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
