package io.gatehouse.engine.error;

/**
 * A request to a JAX-RS endpoint (the OAuth endpoints, the hosted UI) that cannot be read as sent: a form body that
 * cannot be decoded (a lone {@code %}, {@code %zz}), or text holding U+0000, which PostgreSQL cannot store or look
 * up. The client's fault, answered with a 400 in the endpoint's own form rather than the container's 500.
 */
public class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A form body that is not valid {@code application/x-www-form-urlencoded}. */
    static MalformedRequestException form(Throwable cause) {
        return new MalformedRequestException("The form is not valid application/x-www-form-urlencoded.", cause);
    }

    /** A parameter, header or cookie holding U+0000. */
    static MalformedRequestException nul(String where) {
        return new MalformedRequestException("The request's " + where + " holds the character U+0000.", null);
    }
}
