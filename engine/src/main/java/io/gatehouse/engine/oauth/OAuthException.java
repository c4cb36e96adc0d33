package io.gatehouse.engine.oauth;

/**
 * An OAuth 2.0 error as RFC 6749 section 5.2 words it ({@code invalid_request}, {@code invalid_client},
 * {@code invalid_grant}, {@code unauthorized_client}, {@code unsupported_grant_type}, {@code invalid_scope}), with
 * the HTTP status it is answered with.
 */
public final class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final int status;

    public OAuthException(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    /** 400 with this error code. */
    public static OAuthException badRequest(String error, String description) {
        return new OAuthException(error, description, 400);
    }

    /** {@code invalid_client}: 401, as RFC 6749 asks when the client authenticated (or should have). */
    public static OAuthException invalidClient(String description) {
        return new OAuthException("invalid_client", description, 401);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
