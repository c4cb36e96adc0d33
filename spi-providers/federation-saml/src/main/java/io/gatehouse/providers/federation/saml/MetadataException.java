package io.gatehouse.providers.federation.saml;

/** Metadata this module cannot use; the message says why, fit for an administrator. */
final class MetadataException extends Exception {

    private static final long serialVersionUID = 1L;

    MetadataException(String message) {
        super(message);
    }

    MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
