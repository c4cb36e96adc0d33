-- A pool's identity providers (CreateIdentityProvider and friends): the IdPs its users sign in through, each of a
-- provider type a federation provider offers (OIDC, SAML, Google, or a third party's).
CREATE TABLE identity_provider (
    user_pool_id      VARCHAR(55)    NOT NULL REFERENCES user_pool (id) ON DELETE CASCADE,
    provider_name     VARCHAR(64)    NOT NULL,
    provider_type     VARCHAR(64)    NOT NULL,
    -- ProviderDetails as a JSON object; a key its provider type marks secret holds {"sealed": "gh1:..."}, sealed
    -- with the data key for this pool, provider and key, instead of the value.
    details           TEXT           NOT NULL,
    -- AttributeMapping (user pool attribute -> IdP claim), with the provider type's fixed mapping, as JSON.
    attribute_mapping TEXT           NOT NULL,
    -- IdpIdentifiers as a JSON list, as the administrator spelt them; idp_identifier is their unique lookup.
    idp_identifiers   TEXT           NOT NULL,
    created_at        BIGINT         NOT NULL,
    modified_at       BIGINT         NOT NULL,
    PRIMARY KEY (user_pool_id, provider_name)
);

-- An identifier names one IdP of a pool (idp_identifier at /oauth2/authorize, GetIdentityProviderByIdentifier),
-- whatever its case: the key is lower-cased, as e-mail domains compare.
CREATE TABLE idp_identifier (
    user_pool_id   VARCHAR(55)  NOT NULL,
    identifier_key VARCHAR(80)  NOT NULL,
    provider_name  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (user_pool_id, identifier_key),
    FOREIGN KEY (user_pool_id, provider_name) REFERENCES identity_provider (user_pool_id, provider_name)
        ON DELETE CASCADE
);

-- An upstream identity linked to a native user (AdminLinkProviderForUser): signing in through the IdP as that
-- subject signs in as the user. Users are named by sub without a foreign key (the user store may live elsewhere),
-- so deleting a user deletes their links explicitly.
CREATE TABLE provider_link (
    user_pool_id     VARCHAR(55)   NOT NULL,
    provider_name    VARCHAR(64)   NOT NULL,
    provider_subject VARCHAR(1024) NOT NULL,
    sub              VARCHAR(36)   NOT NULL,
    created_at       BIGINT        NOT NULL,
    PRIMARY KEY (user_pool_id, provider_name, provider_subject),
    FOREIGN KEY (user_pool_id, provider_name) REFERENCES identity_provider (user_pool_id, provider_name)
        ON DELETE CASCADE
);

-- A user's links: at most five (Cognito's limit), and removed with the user.
CREATE INDEX provider_link_by_user ON provider_link (user_pool_id, sub);
