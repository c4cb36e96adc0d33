-- Identity pools (CreateIdentityPool and friends, the Cognito Identity API): which sign-ins a pool accepts, and the
-- roles its identities get. The pool's lists and maps are JSON in the API's own shapes, as user pools keep their
-- settings: they are read and written whole, never queried by their members.
CREATE TABLE identity_pool (
    -- <region>:<uuid>, as Cognito names identity pools.
    id                            VARCHAR(55)   NOT NULL PRIMARY KEY,
    name                          VARCHAR(128)  NOT NULL,
    allow_unauthenticated         BOOLEAN       NOT NULL,
    allow_classic_flow            BOOLEAN       NOT NULL,
    -- The developer provider of developer-authenticated identities; set once, unique in the account.
    developer_provider_name       VARCHAR(128),
    -- SupportedLoginProviders: {"accounts.google.com": "<app id>", ...}.
    supported_login_providers     TEXT          NOT NULL,
    -- CognitoIdentityProviders: [{"ProviderName", "ClientId", "ServerSideTokenCheck"}, ...].
    cognito_identity_providers    TEXT          NOT NULL,
    -- OpenIdConnectProviderARNs and SamlProviderARNs: lists of ARNs.
    open_id_connect_provider_arns TEXT          NOT NULL,
    saml_provider_arns            TEXT          NOT NULL,
    -- SetIdentityPoolRoles: {"authenticated": "<role ARN>", "unauthenticated": "<role ARN>"}, and RoleMappings by
    -- provider name.
    roles                         TEXT          NOT NULL,
    role_mappings                 TEXT          NOT NULL,
    -- SetPrincipalTagAttributeMap, by provider name: {"<provider>": {"UseDefaults", "PrincipalTags"}}.
    principal_tags                TEXT          NOT NULL,
    -- IdentityPoolTags, TagResource: {"<key>": "<value>"}.
    tags                          TEXT          NOT NULL,
    created_at                    BIGINT        NOT NULL,
    modified_at                   BIGINT        NOT NULL,
    version                       BIGINT        NOT NULL
);

-- A developer provider name belongs to one pool (ResourceConflictException for a second); NULLs do not conflict,
-- on H2 as on PostgreSQL.
CREATE UNIQUE INDEX identity_pool_by_developer_provider ON identity_pool (developer_provider_name);
