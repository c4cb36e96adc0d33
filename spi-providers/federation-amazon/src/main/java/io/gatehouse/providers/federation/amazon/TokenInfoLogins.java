package io.gatehouse.providers.federation.amazon;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.ClaimText;
import io.gatehouse.providers.federation.oauth.JsonAnswer;
import io.gatehouse.providers.federation.oauth.UpstreamHttp;
import io.gatehouse.providers.federation.oauth.Urls;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Login with Amazon access tokens apps bring to identity pools ({@code www.amazon.com}), checked as LWA documents
 * it for a server: its {@code tokeninfo} endpoint answers whom the token was issued to and for whom
 * ({@code {"iss","user_id","aud","app_id","exp","iat"}}, {@code exp} being the seconds it has left); its
 * {@code app_id} must be the pool's "Amazon App ID", the security profile's id ({@code amzn1.application.…}, as
 * Cognito asks for it, not the OAuth client id in {@code aud}); the user is {@code user_id}. The profile API then adds
 * {@code name}, {@code email} and {@code postal_code} as far as the token's scopes allow; a token without a profile
 * scope is still a login, of the user {@code tokeninfo} named.
 *
 * @param tokenInfo LWA's tokeninfo endpoint (option {@code identity-pool-tokeninfo-url})
 * @param profile   LWA's profile API (option {@code identity-pool-profile-url})
 */
record TokenInfoLogins(UpstreamHttp http, URI tokenInfo, URI profile) {

    UpstreamIdentity verify(IdentityPoolLogin login) throws FederationException {
        if (login.token().isBlank()) {
            throw new FederationException(Reason.INVALID_RESPONSE, "the Login with Amazon access token is empty");
        }
        // tokeninfo takes the token only in its query, as LWA documents it.
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(tokenInfo
                + (tokenInfo.getRawQuery() == null ? "?" : "&")
                + Urls.encode(Map.of("access_token", List.of(login.token())))));
        request.setAccept("application/json");
        Map<String, Object> info = JsonAnswer.object(http.exchange(request, "tokeninfo endpoint"),
                "Login with Amazon's tokeninfo");
        if (!(info.get("app_id") instanceof String appId) || !login.audiences().contains(appId)) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the Login with Amazon access token was issued to another app than the pool's");
        }
        if (!(info.get("user_id") instanceof String userId) || userId.isBlank()) {
            throw new FederationException(Reason.INVALID_RESPONSE, "Login with Amazon's tokeninfo named no user_id");
        }
        if (!(info.get("exp") instanceof Number left) || left.longValue() <= 0) {
            throw new FederationException(Reason.INVALID_RESPONSE, "the Login with Amazon access token has expired");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : List.of("iss", "aud", "app_id", "user_id")) {
            if (info.get(name) != null) {
                claims.put(name, info.get(name));
            }
        }
        Optional<Map<String, Object>> user = profile(login.token());
        if (user.isPresent()) {
            if (!userId.equals(user.get().get("user_id"))) {
                throw new FederationException(Reason.INVALID_RESPONSE,
                        "Login with Amazon's profile API named another user than its tokeninfo");
            }
            claims.putAll(user.get());
        }
        return new UpstreamIdentity(userId, ClaimText.flatten(claims), Optional.empty());
    }

    /** The user's profile; empty when the token was granted no profile scope (403). */
    private Optional<Map<String, Object>> profile(String token) throws FederationException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, profile);
        request.setAuthorization(new BearerAccessToken(token).toAuthorizationHeader());
        request.setAccept("application/json");
        HTTPResponse response = http.exchange(request, "profile API");
        if (response.getStatusCode() == 403) {
            return Optional.empty();
        }
        return Optional.of(JsonAnswer.object(response, "Login with Amazon's profile API"));
    }
}
