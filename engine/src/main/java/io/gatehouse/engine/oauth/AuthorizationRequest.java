package io.gatehouse.engine.oauth;

import io.gatehouse.engine.userpool.UserPoolClient;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request that passed every check ({@link AuthorizationRequests#parse}): RFC 6749 4.1.1 and 4.2.1,
 * OpenID Connect Core 3.1.2.1, RFC 7636.
 *
 * @param client        the app client, allowed the response type
 * @param responseType  {@code code} or {@code token} (implicit)
 * @param redirectUri   one of the client's CallbackURLs, exactly
 * @param scopes        the granted scopes: those asked for, or all the client is allowed
 * @param state         the client's state, or null
 * @param nonce         the client's nonce for the ID token, or null
 * @param codeChallenge the PKCE S256 challenge, or null
 * @param prompt        {@code login}, {@code none} or null
 * @param loginHint     a user name to fill in, or null
 * @param parameters    the request's own parameters, to carry through the sign-in pages
 * @param identityProvider the external IdP the request names (by {@code identity_provider} or
 *                         {@code idp_identifier}), which the client supports; empty for the pool's own sign-in
 */
public record AuthorizationRequest(UserPoolClient client, String responseType, URI redirectUri, List<String> scopes,
                                   String state, String nonce, String codeChallenge, String prompt, String loginHint,
                                   Map<String, String> parameters, Optional<String> identityProvider) {

    public AuthorizationRequest {
        scopes = List.copyOf(scopes);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(identityProvider, "identityProvider");
    }

    public boolean implicit() {
        return "token".equals(responseType);
    }

    /** Whether the user must authenticate again even with a signed-in session. */
    public boolean forceLogin() {
        return "login".equals(prompt);
    }

    /** Whether the user must not see a page: without a session, the answer is {@code login_required}. */
    public boolean noPrompt() {
        return "none".equals(prompt);
    }
}
