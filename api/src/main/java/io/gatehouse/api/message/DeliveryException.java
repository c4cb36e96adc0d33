package io.gatehouse.api.message;

/** A message could not be handed to its channel. The message is shown to operators, never to end users. */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
