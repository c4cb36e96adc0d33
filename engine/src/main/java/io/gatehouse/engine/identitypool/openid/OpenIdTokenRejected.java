package io.gatehouse.engine.identitypool.openid;

/** An OpenID token that is not a current one of this server's identity-pool issuer; the message says why. */
public class OpenIdTokenRejected extends Exception {

    private final boolean expired;

    public OpenIdTokenRejected(String message) {
        this(message, false);
    }

    OpenIdTokenRejected(String message, boolean expired) {
        super(message, null, false, false);
        this.expired = expired;
    }

    /** Whether it is rejected only for having expired (STS says so with a code of its own). */
    public boolean expired() {
        return expired;
    }
}
