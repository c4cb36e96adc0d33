package io.gatehouse.sigv4;

/**
 * Why a request was refused, in AWS's words: the error type API Gateway and STS use ({@code
 * InvalidSignatureException}, {@code ExpiredTokenException}, ...) and a message for the caller, which never holds
 * a secret or a signature.
 */
public final class SigV4Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int status;

    public SigV4Rejection(String type, String message) {
        this(type, message, 403);
    }

    public SigV4Rejection(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    /** The error type, for the {@code x-amzn-ErrorType} header. */
    public String type() {
        return type;
    }

    /** The HTTP status: 403, as API Gateway's IAM authorisation answers; 503 when keys cannot be fetched. */
    public int status() {
        return status;
    }

    static SigV4Rejection incomplete(String message) {
        return new SigV4Rejection("IncompleteSignatureException", message);
    }

    static SigV4Rejection invalid(String message) {
        return new SigV4Rejection("InvalidSignatureException", message);
    }
}
