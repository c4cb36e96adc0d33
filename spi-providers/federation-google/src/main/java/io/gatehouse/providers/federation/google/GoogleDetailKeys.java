package io.gatehouse.providers.federation.google;

import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.providers.federation.oauth.EndpointDefaults;

import java.util.List;

import static io.gatehouse.providers.federation.oauth.DetailNames.ATTRIBUTES_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.ATTRIBUTES_URL_ADD_ATTRIBUTES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_ID;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_SECRET;
import static io.gatehouse.providers.federation.oauth.DetailNames.JWKS_URI;
import static io.gatehouse.providers.federation.oauth.DetailNames.OIDC_ISSUER;
import static io.gatehouse.providers.federation.oauth.DetailNames.TOKEN_URL;

/**
 * The {@code ProviderDetails} keys of {@code Google}, as Cognito names them and fills them in, and one of Gatehouse's
 * own ({@code jwks_uri}); every endpoint has Google's real one as its default and can be given to point elsewhere.
 */
final class GoogleDetailKeys {

    /** Google's issuer, and the form without scheme that Google's documentation says its ID tokens may carry. */
    static final String GOOGLE_ISSUER = "https://accounts.google.com";
    static final String GOOGLE_ISSUER_WITHOUT_SCHEME = "accounts.google.com";

    /** What Cognito fills in for a Google IdP, and Google's JWK set. */
    static final EndpointDefaults DEFAULTS = new EndpointDefaults()
            .with(AUTHORIZE_URL, "https://accounts.google.com/o/oauth2/v2/auth")
            .with(TOKEN_URL, "https://www.googleapis.com/oauth2/v4/token")
            .with(ATTRIBUTES_URL, "https://people.googleapis.com/v1/people/me?personFields=")
            .with(ATTRIBUTES_URL_ADD_ATTRIBUTES, "true")
            .with(OIDC_ISSUER, GOOGLE_ISSUER)
            .with(JWKS_URI, "https://www.googleapis.com/oauth2/v3/certs");

    static final List<String> URL_KEYS = List.of(AUTHORIZE_URL, TOKEN_URL, ATTRIBUTES_URL, OIDC_ISSUER, JWKS_URI);

    /** The client secret is sealed by the engine and shown on Describe, as Cognito shows Google's. */
    static final List<DetailKey> ALL = List.of(
            DetailKey.plain(CLIENT_ID, true),
            new DetailKey(CLIENT_SECRET, true, true, true),
            DetailKey.plain(AUTHORIZE_SCOPES, true),
            DetailKey.plain(AUTHORIZE_URL, false),
            DetailKey.plain(TOKEN_URL, false),
            DetailKey.plain(ATTRIBUTES_URL, false),
            DetailKey.plain(ATTRIBUTES_URL_ADD_ATTRIBUTES, false),
            DetailKey.plain(OIDC_ISSUER, false),
            DetailKey.plain(JWKS_URI, false));

    private GoogleDetailKeys() {
    }
}
