package io.gatehouse.engine.token;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * What a signing key signs, and with which algorithm. Cognito signs ID and access tokens with different keys, so one
 * cannot pass for the other; the identity pools' OpenID tokens come from another issuer altogether, signed RS512 as
 * Cognito's are.
 */
public enum TokenPurpose {
    ID(JWSAlgorithm.RS256),
    ACCESS(JWSAlgorithm.RS256),
    OPEN_ID(JWSAlgorithm.RS512);

    private final JWSAlgorithm algorithm;

    TokenPurpose(JWSAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }
}
