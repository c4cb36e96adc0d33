package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.providers.federation.oauth.DetailsRules;
import io.gatehouse.providers.federation.oauth.UpstreamHttp;
import io.gatehouse.providers.federation.oauth.UpstreamUrls;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.ATTRIBUTES_REQUEST_METHOD;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.ATTRIBUTES_URL;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.ATTRIBUTES_URL_ADD_ATTRIBUTES;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.CLIENT_ID;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.CLIENT_SECRET;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.END_SESSION_ENDPOINT;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.JWKS_URI;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.OIDC_ISSUER;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.TOKEN_ENDPOINT_AUTH_METHOD;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.TOKEN_URL;

/**
 * configure() of {@code OIDC}: checks the details an administrator gave and completes them from the issuer's
 * discovery document, as Cognito does when only {@code oidc_issuer} is given. Endpoints given explicitly are kept
 * (Cognito's "manual input"); the document is read only when one of the four endpoints is missing. No message
 * shows the client secret.
 */
final class DetailsConfigurer {

    static final String BASIC = "client_secret_basic";
    static final String POST = "client_secret_post";
    private static final List<String> AUTH_METHODS = List.of(BASIC, POST);

    private final UpstreamHttp http;

    DetailsConfigurer(UpstreamHttp http) {
        this.http = http;
    }

    Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        Map<String, String> details = DetailsRules.given("OIDC", OidcDetailKeys.ALL, requested);
        checkValues(details);
        URI issuer = UpstreamUrls.check(OIDC_ISSUER, details.get(OIDC_ISSUER));
        if (issuer.getRawQuery() != null) {
            throw new InvalidProviderDetailsException(OIDC_ISSUER + " must not have a query: " + issuer);
        }
        if (OidcDetailKeys.DISCOVERED_ENDPOINTS.stream().anyMatch(k -> !details.containsKey(k))) {
            complete(details, DiscoveryDocument.read(issuer, http));
        }
        for (String key : List.of(AUTHORIZE_URL, TOKEN_URL, JWKS_URI)) {
            if (!details.containsKey(key)) {
                throw new InvalidProviderDetailsException(
                        key + " is not given and the issuer's discovery document does not name it");
            }
        }
        DetailsRules.urls(details, OidcDetailKeys.URL_KEYS);
        // Cognito stores "false" here for every OIDC IdP: the attributes come from the userinfo endpoint as it is.
        details.putIfAbsent(ATTRIBUTES_URL_ADD_ATTRIBUTES, "false");
        if (details.containsKey(CLIENT_SECRET)) {
            details.putIfAbsent(TOKEN_ENDPOINT_AUTH_METHOD, BASIC);
        }
        return Map.copyOf(details);
    }

    private static void checkValues(Map<String, String> details) throws InvalidProviderDetailsException {
        DetailsRules.printable(details, CLIENT_ID);
        DetailsRules.printable(details, CLIENT_SECRET);
        if (!DetailsRules.scopes(details, AUTHORIZE_SCOPES, " +").contains("openid")) {
            throw new InvalidProviderDetailsException(AUTHORIZE_SCOPES + " must include openid");
        }
        DetailsRules.oneOf(details, ATTRIBUTES_REQUEST_METHOD, List.of("GET", "POST"));
        DetailsRules.oneOf(details, ATTRIBUTES_URL_ADD_ATTRIBUTES, List.of("true", "false"));
        DetailsRules.oneOf(details, OidcDetailKeys.IDP_SIGNOUT, List.of("true", "false"));
        DetailsRules.oneOf(details, TOKEN_ENDPOINT_AUTH_METHOD, AUTH_METHODS);
    }

    /** Fills in what the administrator left out from the document; what they gave stays. */
    private static void complete(Map<String, String> details, DiscoveryDocument document)
            throws InvalidProviderDetailsException {
        fill(details, AUTHORIZE_URL, document.authorizationEndpoint());
        fill(details, TOKEN_URL, document.tokenEndpoint());
        fill(details, ATTRIBUTES_URL, document.userinfoEndpoint());
        fill(details, JWKS_URI, document.jwksUri());
        fill(details, END_SESSION_ENDPOINT, document.endSessionEndpoint());
        if (details.containsKey(CLIENT_SECRET) && !details.containsKey(TOKEN_ENDPOINT_AUTH_METHOD)) {
            details.put(TOKEN_ENDPOINT_AUTH_METHOD, authMethod(document.tokenAuthMethods()));
        }
    }

    private static void fill(Map<String, String> details, String key, Optional<String> discovered) {
        discovered.ifPresent(value -> details.putIfAbsent(key, value));
    }

    /**
     * How to send the client secret: Basic unless the IdP says it takes only the form (OpenID Connect Discovery:
     * an absent list means {@code client_secret_basic}). An IdP that takes neither cannot sign anyone in with a
     * client secret, which is better said now than at the first sign-in.
     */
    private static String authMethod(List<String> supported) throws InvalidProviderDetailsException {
        if (supported.isEmpty() || supported.contains(BASIC)) {
            return BASIC;
        }
        if (supported.contains(POST)) {
            return POST;
        }
        throw new InvalidProviderDetailsException(OIDC_ISSUER + ": the IdP's token endpoint takes none of "
                + AUTH_METHODS + " (it lists " + supported + ")");
    }
}
