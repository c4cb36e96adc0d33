package io.gatehouse.engine.oauth;

import java.net.URI;

/**
 * An authorization request refused. When the client and redirect URI could not be trusted, the user sees an error
 * page and is never redirected ({@code redirectUri} null); otherwise the error goes back to the client at its
 * redirect URI, in the query (code flow) or the fragment (implicit flow), as RFC 6749 4.1.2.1 and 4.2.2.1 say.
 */
public final class AuthorizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final transient URI redirectUri;
    private final String state;
    private final String issuer;
    private final boolean fragment;

    private AuthorizationException(String error, String description, URI redirectUri, String state, String issuer,
                                   boolean fragment) {
        super(description, null, false, false);
        this.error = error;
        this.redirectUri = redirectUri;
        this.state = state;
        this.issuer = issuer;
        this.fragment = fragment;
    }

    /** An error shown to the user, for a request whose client or redirect URI is not trusted. */
    public static AuthorizationException shown(String error, String description) {
        return new AuthorizationException(error, description, null, null, null, false);
    }

    /**
     * An error sent back to the client's (registered) redirect URI.
     *
     * @param issuer the pool's issuer, sent as {@code iss} (RFC 9207) so the client knows which server answered
     */
    public static AuthorizationException redirected(String error, String description, URI redirectUri, String state,
                                                    String issuer, boolean fragment) {
        return new AuthorizationException(error, description, redirectUri, state, issuer, fragment);
    }

    public String error() {
        return error;
    }

    /** Whether the error goes back to the client rather than to an error page. */
    public boolean redirects() {
        return redirectUri != null;
    }

    /** The client's redirect URI with {@code error}, {@code error_description}, {@code state} and {@code iss}. */
    public URI location() {
        RedirectParameters parameters = new RedirectParameters().add("error", error)
                .add("error_description", getMessage()).add("state", state).add("iss", issuer);
        return parameters.appendTo(redirectUri, fragment);
    }
}
