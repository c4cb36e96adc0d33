package io.gatehouse.providers.federation.oauth;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;

import java.net.URI;

/**
 * The start of an OpenID Connect sign-in (Core 3.1.2.1): a redirect to the authorization endpoint with
 * {@code response_type=code}, the engine's {@code state}, the pending sign-in's {@code nonce} and PKCE S256
 * challenge, and {@code login_hint} when the app passed one. Any query the endpoint already has is kept.
 */
public final class AuthenticationRedirect {

    private AuthenticationRedirect() {
    }

    public static SignInStart begin(URI authorizeUrl, ClientID clientId, Scope scopes, SignInRequest request,
                                    PendingSignIn pending) {
        AuthenticationRequest.Builder authorize = new AuthenticationRequest.Builder(
                ResponseType.CODE, scopes, clientId, request.callbackUri())
                .endpointURI(authorizeUrl)
                .state(new State(request.state()))
                .nonce(pending.nonce())
                .codeChallenge(pending.codeVerifier(), CodeChallengeMethod.S256);
        request.loginHint().ifPresent(authorize::loginHint);
        return new SignInStart(new Outgoing.Redirect(authorize.build().toURI()), pending.toJson());
    }
}
