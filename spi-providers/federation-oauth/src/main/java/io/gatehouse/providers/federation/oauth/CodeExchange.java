package io.gatehouse.providers.federation.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import java.net.URI;
import java.util.Optional;

/**
 * Exchanges the authorization code at the IdP's token endpoint (OAuth 2.0 4.1.3), with the sign-in's PKCE verifier
 * when it sent a challenge, authenticating as the IdP takes it, or as a public client.
 */
public final class CodeExchange {

    private final UpstreamHttp http;

    public CodeExchange(UpstreamHttp http) {
        this.http = http;
    }

    /**
     * The IdP's tokens: an access token, and an ID token when the IdP issued one.
     *
     * @param tokenUrl       the token endpoint
     * @param authentication the client's authentication; empty for a public client, which sends {@code clientId}
     * @param verifier       the PKCE verifier; empty when the sign-in sent no challenge
     * @throws FederationException {@code INVALID_RESPONSE} when the IdP refuses the code or answers no tokens,
     *                             {@code UNAVAILABLE} when it cannot be reached or answers a server error
     */
    public Tokens exchange(URI tokenUrl, Optional<ClientAuthentication> authentication, ClientID clientId,
                           String code, URI callbackUri, Optional<CodeVerifier> verifier)
            throws FederationException {
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), callbackUri,
                verifier.orElse(null));
        TokenRequest request = authentication
                .map(auth -> new TokenRequest.Builder(tokenUrl, auth, grant))
                .orElseGet(() -> new TokenRequest.Builder(tokenUrl, clientId, grant))
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
        return parsed instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens() : parsed.toSuccessResponse().getTokens();
    }

    /**
     * The tokens with their ID token.
     *
     * @throws FederationException {@code INVALID_RESPONSE} when the IdP issued none
     */
    public static OIDCTokens withIdToken(Tokens tokens) throws FederationException {
        if (!(tokens instanceof OIDCTokens oidc) || oidc.getIDToken() == null) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the IdP's token endpoint answered without an ID token (is openid among authorize_scopes?)");
        }
        return oidc;
    }
}
