package io.gatehouse.providers.federation.facebook;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.ClaimText;
import io.gatehouse.providers.federation.oauth.JsonAnswer;
import io.gatehouse.providers.federation.oauth.UpstreamHttp;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The Facebook access tokens apps bring to identity pools ({@code graph.facebook.com}), checked as a server without
 * the app secret can (an identity pool knows only the app id): the Graph API's {@code /app} with the token answers
 * the app the token was issued to, which must be the pool's; then {@code /me} answers who it is for ({@code id}, the
 * subject) with {@code name} and {@code email} where the user granted them. A token that is expired, revoked or
 * made up is refused by Graph itself (its {@code OAuthException}, code 190). The token goes as a bearer token, never
 * in a URL, so no access log along the way keeps it.
 *
 * @param graph the Graph API's base URL (option {@code identity-pool-graph-url}), {@code https://graph.facebook.com}
 */
record GraphLogins(UpstreamHttp http, URI graph) {

    static final String ME_FIELDS = "id,name,email";

    UpstreamIdentity verify(IdentityPoolLogin login) throws FederationException {
        if (login.token().isBlank()) {
            throw new FederationException(Reason.INVALID_RESPONSE, "the Facebook access token is empty");
        }
        BearerAccessToken token = new BearerAccessToken(login.token());
        Map<String, Object> app = JsonAnswer.object(http.exchange(get("/app", token), "Graph API"),
                "the Graph API's /app");
        if (!(app.get("id") instanceof String appId) || !login.audiences().contains(appId)) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the Facebook access token was issued to another app than the pool's");
        }
        Map<String, Object> me = JsonAnswer.object(http.exchange(get("/me?fields=" + ME_FIELDS, token),
                "Graph API"), "the Graph API's /me");
        if (!(me.get("id") instanceof String id) || id.isBlank()) {
            throw new FederationException(Reason.INVALID_RESPONSE, "the Graph API's /me answered without the user's id");
        }
        Map<String, String> claims = ClaimText.flatten(me);
        claims.put("app_id", appId);
        return new UpstreamIdentity(id, claims, Optional.empty());
    }

    private HTTPRequest get(String path, BearerAccessToken token) {
        String base = graph.toString();
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET,
                URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path));
        request.setAuthorization(token.toAuthorizationHeader());
        request.setAccept("application/json");
        return request;
    }
}
