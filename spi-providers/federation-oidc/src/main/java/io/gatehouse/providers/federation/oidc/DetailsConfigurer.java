package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

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

    /** RFC 6749 3.3: scope tokens are printable ASCII but space, '"' and '\'. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    /** Client identifiers and secrets are printable (RFC 6749 appendix A: VSCHAR). */
    private static final Pattern VSCHARS = Pattern.compile("[\\x20-\\x7E]+");

    private final UpstreamHttp http;

    DetailsConfigurer(UpstreamHttp http) {
        this.http = http;
    }

    Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        Map<String, String> details = given(requested);
        for (var key : OidcDetailKeys.ALL) {
            if (key.required() && !details.containsKey(key.name())) {
                throw new InvalidProviderDetailsException("ProviderDetails of an OIDC IdP need " + key.name());
            }
        }
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
        for (String key : OidcDetailKeys.URL_KEYS) {
            if (details.containsKey(key)) {
                UpstreamUrls.check(key, details.get(key));
            }
        }
        // Cognito stores "false" here for every OIDC IdP: the attributes come from the userinfo endpoint as it is.
        details.putIfAbsent(ATTRIBUTES_URL_ADD_ATTRIBUTES, "false");
        if (details.containsKey(CLIENT_SECRET)) {
            details.putIfAbsent(TOKEN_ENDPOINT_AUTH_METHOD, BASIC);
        }
        return Map.copyOf(details);
    }

    /** The requested details without blank values (absent, as Cognito treats them), refusing unknown keys. */
    private static Map<String, String> given(Map<String, String> requested) throws InvalidProviderDetailsException {
        Map<String, String> details = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        requested.forEach((key, value) -> {
            if (!OidcDetailKeys.NAMES.contains(key)) {
                unknown.add(key);
            } else if (value != null && !value.isBlank()) {
                details.put(key, value);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidProviderDetailsException("ProviderDetails of an OIDC IdP take no " + new TreeSet<>(unknown)
                    + "; they take " + new TreeSet<>(OidcDetailKeys.NAMES));
        }
        return details;
    }

    private static void checkValues(Map<String, String> details) throws InvalidProviderDetailsException {
        if (!VSCHARS.matcher(details.get(CLIENT_ID)).matches()) {
            throw new InvalidProviderDetailsException(CLIENT_ID + " must be printable ASCII");
        }
        if (details.containsKey(CLIENT_SECRET) && !VSCHARS.matcher(details.get(CLIENT_SECRET)).matches()) {
            throw new InvalidProviderDetailsException(CLIENT_SECRET + " must be printable ASCII");
        }
        List<String> scopes = Arrays.asList(details.get(AUTHORIZE_SCOPES).trim().split(" +"));
        for (String scope : scopes) {
            if (!SCOPE_TOKEN.matcher(scope).matches()) {
                throw new InvalidProviderDetailsException(AUTHORIZE_SCOPES
                        + " must be scopes separated by spaces; this is not a scope: " + scope);
            }
        }
        if (!scopes.contains("openid")) {
            throw new InvalidProviderDetailsException(AUTHORIZE_SCOPES + " must include openid");
        }
        oneOf(details, ATTRIBUTES_REQUEST_METHOD, List.of("GET", "POST"));
        oneOf(details, ATTRIBUTES_URL_ADD_ATTRIBUTES, List.of("true", "false"));
        oneOf(details, TOKEN_ENDPOINT_AUTH_METHOD, AUTH_METHODS);
    }

    private static void oneOf(Map<String, String> details, String key, List<String> allowed)
            throws InvalidProviderDetailsException {
        String value = details.get(key);
        if (value != null && !allowed.contains(value)) {
            throw new InvalidProviderDetailsException(key + " must be one of " + allowed + ", not " + value);
        }
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
