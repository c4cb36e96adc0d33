package io.gatehouse.engine.error;

/**
 * A request whose {@code application/x-www-form-urlencoded} body cannot be decoded (a lone {@code %}, {@code %zz}):
 * the client's fault, answered with a 400 in the endpoint's own form rather than the container's 500.
 */
public class MalformedFormException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MalformedFormException(Throwable cause) {
        super("The form is not valid application/x-www-form-urlencoded.", cause);
    }
}
