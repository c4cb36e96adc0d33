package io.gatehouse.engine.identitypool.verifier;

import io.gatehouse.engine.identitypool.sts.StsSession;

/**
 * A signing key handed to a resource service, with whom it stands for.
 *
 * @param signingKey SigV4's {@code kSigning} for the request's scope
 * @param session    the local-sts session of the credentials
 */
public record SigningKeyGrant(byte[] signingKey, StsSession session) {

    public SigningKeyGrant {
        signingKey = signingKey.clone();
    }

    @Override
    public byte[] signingKey() {
        return signingKey.clone();
    }
}
