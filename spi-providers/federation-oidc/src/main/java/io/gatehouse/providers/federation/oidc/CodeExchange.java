package io.gatehouse.providers.federation.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import java.net.URI;
import java.util.Optional;

/**
 * Exchanges the authorization code at the IdP's token endpoint (OAuth 2.0 4.1.3) with the sign-in's PKCE verifier,
 * authenticating with the client secret as the IdP takes it, or as a public client when there is none.
 */
final class CodeExchange {

    private final UpstreamHttp http;

    CodeExchange(UpstreamHttp http) {
        this.http = http;
    }

    /** The IdP's tokens, an ID token among them. */
    OIDCTokens exchange(OidcIdp idp, String code, URI callbackUri, PendingSignIn pending)
            throws FederationException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), callbackUri,
                pending.codeVerifier());
        TokenRequest request = idp.clientSecret()
                .map(secret -> new TokenRequest.Builder(idp.tokenUrl(), authentication(idp, secret), grant))
                .orElseGet(() -> new TokenRequest.Builder(idp.tokenUrl(), idp.clientId(), grant))
                .build();
        HTTPResponse response = http.exchange(request.toHTTPRequest(), "token endpoint");
        TokenResponse parsed;
        try {
            parsed = OIDCTokenResponseParser.parse(response);
        } catch (ParseException e) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the IdP's token endpoint answered HTTP " + response.getStatusCode() + " without a token response");
        }
        if (!parsed.indicatesSuccess()) {
            // invalid_grant (a code that is used, expired, for another client or another PKCE challenge),
            // invalid_client (a wrong secret): either way this callback cannot sign anyone in.
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            throw new FederationException(Reason.INVALID_RESPONSE, "the IdP's token endpoint refused the code: "
                    + Optional.ofNullable(error.getCode()).orElse("HTTP " + response.getStatusCode()));
        }
        if (!(parsed instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the IdP's token endpoint answered without an ID token (is openid among authorize_scopes?)");
        }
        return oidc.getOIDCTokens();
    }

    private static ClientAuthentication authentication(OidcIdp idp, Secret secret) {
        return idp.postClientSecret()
                ? new ClientSecretPost(idp.clientId(), secret)
                : new ClientSecretBasic(idp.clientId(), secret);
    }
}
