package io.gatehouse.providers.federation.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.providers.federation.oauth.UpstreamHttp;

import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What configure() reads of an issuer's OpenID Provider metadata ({@code <issuer>/.well-known/openid-configuration},
 * OpenID Connect Discovery 1.0). Only the members the provider uses are read, so an IdP whose document omits a
 * member the specification requires but this provider never uses still works.
 *
 * @param issuer               the {@code issuer} the document names
 * @param authorizationEndpoint {@code authorization_endpoint}
 * @param tokenEndpoint        {@code token_endpoint}
 * @param userinfoEndpoint     {@code userinfo_endpoint}, which an IdP may lack
 * @param jwksUri              {@code jwks_uri}
 * @param endSessionEndpoint   {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout), which most lack
 * @param tokenAuthMethods     {@code token_endpoint_auth_methods_supported}; empty when the document leaves it out
 */
record DiscoveryDocument(String issuer, Optional<String> authorizationEndpoint, Optional<String> tokenEndpoint,
                         Optional<String> userinfoEndpoint, Optional<String> jwksUri,
                         Optional<String> endSessionEndpoint, List<String> tokenAuthMethods) {

    /** Enough for any real IdP's document; a larger answer is not one. */
    private static final int SIZE_LIMIT = 256 * 1024;

    /** Where the issuer's document is: any trailing slash of the issuer goes before the well-known path. */
    static URI location(URI issuer) {
        String base = issuer.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/.well-known/openid-configuration");
    }

    /**
     * Reads the issuer's document.
     *
     * @throws InvalidProviderDetailsException when it cannot be read, is not a JSON object, or names another issuer
     */
    static DiscoveryDocument read(URI issuer, UpstreamHttp http) throws InvalidProviderDetailsException {
        URI location = location(issuer);
        HTTPResponse response;
        try {
            HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, location);
            request.setAccept("application/json");
            response = http.send(request);
        } catch (IOException e) {
            throw refused("cannot be read from " + location + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        if (response.getStatusCode() != 200) {
            throw refused("cannot be read from " + location + ": HTTP " + response.getStatusCode(), null);
        }
        DiscoveryDocument document = parse(location, response.getBody());
        // OpenID Connect Discovery 4.3: the issuer the document names must be exactly the one it was read for,
        // or a document served elsewhere could make this IdP accept another issuer's tokens.
        if (!document.issuer().equals(issuer.toString())) {
            throw refused("at " + location + " names the issuer " + document.issuer() + ", not "
                    + OidcDetailKeys.OIDC_ISSUER + " " + issuer, null);
        }
        return document;
    }

    private static DiscoveryDocument parse(URI location, String body) throws InvalidProviderDetailsException {
        try {
            if (body == null || body.length() > SIZE_LIMIT) {
                throw new ParseException("no document of a sensible size", 0);
            }
            Map<String, Object> json = JSONObjectUtils.parse(body, SIZE_LIMIT);
            String issuer = JSONObjectUtils.getString(json, "issuer");
            if (issuer == null) {
                throw new ParseException("no issuer", 0);
            }
            String[] methods = JSONObjectUtils.getStringArray(json, "token_endpoint_auth_methods_supported");
            return new DiscoveryDocument(issuer,
                    member(json, "authorization_endpoint"),
                    member(json, "token_endpoint"),
                    member(json, "userinfo_endpoint"),
                    member(json, "jwks_uri"),
                    member(json, "end_session_endpoint"),
                    methods == null ? List.of() : List.of(methods));
        } catch (ParseException e) {
            throw refused("at " + location + " is not an OpenID Provider configuration: " + e.getMessage(), e);
        }
    }

    private static Optional<String> member(Map<String, Object> json, String name) throws ParseException {
        return Optional.ofNullable(JSONObjectUtils.getString(json, name)).filter(v -> !v.isBlank());
    }

    private static InvalidProviderDetailsException refused(String what, Exception cause) {
        return new InvalidProviderDetailsException(
                OidcDetailKeys.OIDC_ISSUER + ": the discovery document " + what, cause);
    }
}
