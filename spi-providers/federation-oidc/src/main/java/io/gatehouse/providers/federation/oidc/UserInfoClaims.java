package io.gatehouse.providers.federation.oidc;

import com.nimbusds.common.contenttype.ContentType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.providers.federation.oauth.UpstreamHttp;

import java.net.URI;
import java.util.Map;

/**
 * Reads the user's claims from the IdP's userinfo endpoint (Cognito's {@code attributes_url}, called with
 * {@code attributes_request_method}), as Cognito does for an OIDC IdP, with the access token of this sign-in.
 */
final class UserInfoClaims {

    private final UpstreamHttp http;

    UserInfoClaims(UpstreamHttp http) {
        this.http = http;
    }

    /**
     * The claims, which OpenID Connect Core 5.3.2 says must be about the subject of the ID token: a userinfo answer
     * for another {@code sub} (a mixed-up or substituted access token) is refused.
     */
    Map<String, Object> read(OidcIdp idp, URI attributesUrl, AccessToken accessToken, Subject subject)
            throws FederationException {
        HTTPResponse response = http.exchange(request(idp, attributesUrl, accessToken), "userinfo endpoint");
        UserInfoResponse parsed;
        try {
            parsed = UserInfoResponse.parse(response);
        } catch (ParseException e) {
            throw invalid("answered HTTP " + response.getStatusCode() + " without the user's claims");
        }
        if (!parsed.indicatesSuccess()) {
            String code = parsed.toErrorResponse().getErrorObject().getCode();
            throw invalid(code == null ? "answered HTTP " + response.getStatusCode()
                    : "refused the access token: " + code);
        }
        UserInfo userInfo = parsed.toSuccessResponse().getUserInfo();
        if (userInfo == null) {
            // A signed or encrypted answer (userinfo_signed_response_alg): not what Cognito's OIDC IdPs send.
            throw invalid("answered a JWT; only JSON answers are supported");
        }
        if (!subject.equals(userInfo.getSubject())) {
            throw invalid("answered for another subject than the ID token's");
        }
        return userInfo.toJSONObject();
    }

    /**
     * The request, with the token in the Authorization header whatever the method: RFC 6750 2.1, which every
     * resource server must accept (Nimbus's POST puts it in the form, which servers may refuse).
     */
    private static HTTPRequest request(OidcIdp idp, URI attributesUrl, AccessToken accessToken) {
        HTTPRequest request = new HTTPRequest(idp.attributesMethod(), attributesUrl);
        request.setAuthorization(accessToken.toAuthorizationHeader());
        request.setAccept("application/json");
        if (idp.attributesMethod() == HTTPRequest.Method.POST) {
            request.setEntityContentType(ContentType.APPLICATION_URLENCODED);
            request.setBody("");
        }
        return request;
    }

    private static FederationException invalid(String what) {
        return new FederationException(Reason.INVALID_RESPONSE, "the IdP's userinfo endpoint " + what);
    }
}
