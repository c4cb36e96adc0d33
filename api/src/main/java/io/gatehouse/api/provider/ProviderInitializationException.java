package io.gatehouse.api.provider;

/**
 * Thrown by {@link ProviderFactory#init(ProviderConfig)} when a provider cannot work. Its message reaches
 * operators through the readiness health check and the server log, so it must say what is wrong and hold no
 * secret.
 */
public class ProviderInitializationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProviderInitializationException(String message) {
        super(message);
    }

    public ProviderInitializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
