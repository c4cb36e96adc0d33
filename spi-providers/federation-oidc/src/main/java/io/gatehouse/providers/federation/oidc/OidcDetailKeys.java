package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.DetailKey;

import java.util.List;
import java.util.Set;

/**
 * The {@code ProviderDetails} keys of {@code OIDC}, as Cognito names them, and two of Gatehouse's own
 * ({@link #END_SESSION_ENDPOINT}, {@link #TOKEN_ENDPOINT_AUTH_METHOD}) that discovery fills in like the endpoints.
 */
final class OidcDetailKeys {

    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";
    static final String AUTHORIZE_SCOPES = "authorize_scopes";
    static final String ATTRIBUTES_REQUEST_METHOD = "attributes_request_method";
    static final String OIDC_ISSUER = "oidc_issuer";
    static final String AUTHORIZE_URL = "authorize_url";
    static final String TOKEN_URL = "token_url";
    static final String ATTRIBUTES_URL = "attributes_url";
    static final String JWKS_URI = "jwks_uri";
    static final String ATTRIBUTES_URL_ADD_ATTRIBUTES = "attributes_url_add_attributes";
    /** Gatehouse's: where {@code signOut} sends the browser, the discovery document's {@code end_session_endpoint}. */
    static final String END_SESSION_ENDPOINT = "end_session_endpoint";
    /**
     * Gatehouse's, named after Cognito's SAML key {@code IDPSignout}: {@code true} continues {@code /logout} at the
     * IdP's {@code end_session_endpoint}. Off unless set, since the IdP must list the app's sign-out URLs as
     * post-logout redirect URIs, or it would stop the user on its own error page.
     */
    static final String IDP_SIGNOUT = "idp_signout";
    /** Gatehouse's: how the client authenticates at the token endpoint, chosen from the discovery document. */
    static final String TOKEN_ENDPOINT_AUTH_METHOD = "token_endpoint_auth_method";

    /** The endpoints discovery fills in when they are not given; discovery is read when any of them is missing. */
    static final Set<String> DISCOVERED_ENDPOINTS = Set.of(AUTHORIZE_URL, TOKEN_URL, ATTRIBUTES_URL, JWKS_URI);

    /** Everything discovery may fill in: the endpoints and Gatehouse's two keys. */
    static final Set<String> DISCOVERED = Set.of(AUTHORIZE_URL, TOKEN_URL, ATTRIBUTES_URL, JWKS_URI,
            END_SESSION_ENDPOINT, TOKEN_ENDPOINT_AUTH_METHOD);

    /** Every key that holds a URL the provider calls or sends the browser to. */
    static final List<String> URL_KEYS = List.of(
            OIDC_ISSUER, AUTHORIZE_URL, TOKEN_URL, ATTRIBUTES_URL, JWKS_URI, END_SESSION_ENDPOINT);

    /**
     * All keys. The client secret is sealed by the engine but shown on DescribeIdentityProvider, as Cognito shows
     * an OIDC client secret.
     */
    static final List<DetailKey> ALL = List.of(
            DetailKey.plain(CLIENT_ID, true),
            new DetailKey(CLIENT_SECRET, false, true, true),
            DetailKey.plain(AUTHORIZE_SCOPES, true),
            DetailKey.plain(ATTRIBUTES_REQUEST_METHOD, true),
            DetailKey.plain(OIDC_ISSUER, true),
            DetailKey.plain(AUTHORIZE_URL, false),
            DetailKey.plain(TOKEN_URL, false),
            DetailKey.plain(ATTRIBUTES_URL, false),
            DetailKey.plain(JWKS_URI, false),
            DetailKey.plain(ATTRIBUTES_URL_ADD_ATTRIBUTES, false),
            DetailKey.plain(END_SESSION_ENDPOINT, false),
            DetailKey.plain(TOKEN_ENDPOINT_AUTH_METHOD, false),
            DetailKey.plain(IDP_SIGNOUT, false));

    static final Set<String> NAMES = Set.copyOf(ALL.stream().map(DetailKey::name).toList());

    private OidcDetailKeys() {
    }
}
