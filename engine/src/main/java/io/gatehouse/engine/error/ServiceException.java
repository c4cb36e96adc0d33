package io.gatehouse.engine.error;

import java.util.Objects;

/**
 * A failure the caller caused or must hear about, named with Cognito's error vocabulary, which is Gatehouse's
 * domain vocabulary: each protocol edge renders it in its own form (a Cognito {@code __type}, an OAuth
 * {@code error}, a SAML status). The message is shown to the caller, so it never holds a secret.
 */
public class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final int httpStatus;

    public ServiceException(String type, String message) {
        this(type, message, 400);
    }

    public ServiceException(String type, String message, int httpStatus) {
        super(message, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.httpStatus = httpStatus;
    }

    /** The error's name, for example {@code InvalidParameterException}. */
    public String type() {
        return type;
    }

    /** The HTTP status the Cognito edge answers with. Cognito answers 400 for nearly every client error. */
    public int httpStatus() {
        return httpStatus;
    }

    public static ServiceException invalidParameter(String message) {
        return new ServiceException("InvalidParameterException", message);
    }

    public static ServiceException resourceNotFound(String message) {
        return new ServiceException("ResourceNotFoundException", message);
    }

    public static ServiceException serialization(String message) {
        return new ServiceException("SerializationException", message);
    }
}
