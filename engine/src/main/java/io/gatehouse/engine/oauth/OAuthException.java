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
    private final long retryAfterSeconds;

    public OAuthException(String error, String description, int status) {
        this(error, description, status, 0);
    }

    private OAuthException(String error, String description, int status, long retryAfterSeconds) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * 429 for an address that has failed client authentication too often: {@code slow_down}, the registered
     * OAuth error that asks a client to wait (RFC 8628), with {@code Retry-After}.
     */
    public static OAuthException tooManyRequests(String description, long retryAfterSeconds) {
        return new OAuthException("slow_down", description, 429, retryAfterSeconds);
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

    /** The seconds a throttled client should wait, or 0 when the error is not a throttle. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
