package io.gatehouse.engine.token;

import java.util.Set;

/**
 * Whose signing keys: a user pool's (its ID and access tokens), or the identity pools' issuer (the OpenID tokens of
 * GetOpenIdToken, one issuer for the whole server as Cognito's {@code cognito-identity.amazonaws.com}).
 *
 * @param id             the owner's row in {@code key_owner}: the user pool's id, or {@value #IDENTITY_ISSUER_ID}
 * @param purposes       what its keys sign
 * @param keyedOnFirstUse whether its first keys are made when first needed; a user pool's are made with the pool, so
 *                       an owner without keys is one that does not exist, and is not worth a transaction to find out
 */
public record KeyOwner(String id, Set<TokenPurpose> purposes, boolean keyedOnFirstUse) {

    static final String IDENTITY_ISSUER_ID = "cognito-identity";

    /** The identity pools' OpenID token issuer. */
    public static final KeyOwner IDENTITY_ISSUER = new KeyOwner(IDENTITY_ISSUER_ID, Set.of(TokenPurpose.OPEN_ID), true);

    private static final Set<TokenPurpose> USER_POOL_PURPOSES = Set.of(TokenPurpose.ID, TokenPurpose.ACCESS);

    public KeyOwner {
        purposes = Set.copyOf(purposes);
    }

    /** A user pool. */
    public static KeyOwner userPool(String userPoolId) {
        return new KeyOwner(userPoolId, USER_POOL_PURPOSES, false);
    }
}
