package io.gatehouse.api.federation;

/**
 * {@code ProviderDetails} a provider type cannot work with; the engine answers Cognito's
 * {@code InvalidParameterException} with this message, so it names the key and holds no secret.
 */
public class InvalidProviderDetailsException extends Exception {

    public InvalidProviderDetailsException(String message) {
        super(message);
    }

    public InvalidProviderDetailsException(String message, Throwable cause) {
        super(message, cause);
    }
}
