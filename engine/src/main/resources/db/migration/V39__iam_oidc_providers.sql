-- IAM's OpenID Connect providers (CreateOpenIDConnectProvider and friends, the IAM Query API): the IdPs whose ID
-- tokens identity pools take as logins when their OpenIdConnectProviderARNs name them, as in AWS. One row per
-- provider; its ARN ends in the issuer's host and path, which is also the provider's name in a Logins map.
CREATE TABLE iam_oidc_provider (
    arn          VARCHAR(2048) NOT NULL PRIMARY KEY,
    url          VARCHAR(255)  NOT NULL,
    -- JSON lists of strings.
    client_ids   TEXT          NOT NULL,
    thumbprints  TEXT          NOT NULL,
    created_at   BIGINT        NOT NULL
);
