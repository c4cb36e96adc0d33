package io.gatehouse.providers.federation.oauth;

/** The {@code ProviderDetails} keys the OAuth 2.0 types share, as Cognito spells them. */
public final class DetailNames {

    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";
    public static final String AUTHORIZE_SCOPES = "authorize_scopes";
    public static final String AUTHORIZE_URL = "authorize_url";
    public static final String TOKEN_URL = "token_url";
    public static final String ATTRIBUTES_URL = "attributes_url";
    public static final String ATTRIBUTES_URL_ADD_ATTRIBUTES = "attributes_url_add_attributes";
    public static final String OIDC_ISSUER = "oidc_issuer";
    /** Gatehouse's, for the social types: where the IdP publishes the keys its ID tokens are signed with. */
    public static final String JWKS_URI = "jwks_uri";

    private DetailNames() {
    }
}
