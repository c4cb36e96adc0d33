package io.gatehouse.engine.token;

import java.util.List;

/**
 * What a sign-in through the OAuth 2.0 endpoints was granted, as opposed to one through the Cognito API (whose
 * access tokens carry {@code aws.cognito.signin.user.admin} alone and always come with an ID token).
 *
 * @param scopes   the granted scopes, in the access token's {@code scope} claim; an ID token only with {@code openid}
 * @param nonce    the relying party's nonce for the ID token, or null
 * @param authTime when the user authenticated (epoch seconds), which a single sign-on session carries forward
 */
public record OAuthGrant(List<String> scopes, String nonce, long authTime) {

    public OAuthGrant {
        scopes = List.copyOf(scopes);
    }

    /** Whether the grant includes OpenID Connect, and so an ID token. */
    public boolean openId() {
        return scopes.contains("openid");
    }
}
