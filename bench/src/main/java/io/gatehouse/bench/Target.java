package io.gatehouse.bench;

/** A server under load: set up once through its own API, then signed in to and refreshed from many threads. */
interface Target {

    /** Creates what the run needs (pool or realm, client, {@code users} users with a known password). */
    void setUp(int users) throws Exception;

    /**
     * Signs user number {@code user} in with a password.
     *
     * @return the refresh token the sign-in returned
     * @throws Exception when the server does not answer with tokens
     */
    String signIn(int user) throws Exception;

    /**
     * Trades a refresh token for new tokens.
     *
     * @return the refresh token to use next (the same one where the server does not rotate them)
     */
    String refresh(String refreshToken) throws Exception;

    /**
     * Signs user number {@code user} in with USER_SRP_AUTH and its PASSWORD_VERIFIER answer.
     *
     * @return the refresh token the sign-in returned
     */
    default String signInWithSrp(int user) throws Exception {
        throw new UnsupportedOperationException("this server has no SRP sign-in");
    }

    /**
     * Turns authenticator-app MFA on in the pool (OPTIONAL) and makes {@code users} more users, each with an
     * authenticator set up and preferred, for {@link #signInWithTotp}.
     */
    default void setUpTotp(int users) throws Exception {
        throw new UnsupportedOperationException("this server's MFA is not measured");
    }

    /**
     * Signs authenticator user number {@code user} in: USER_PASSWORD_AUTH, then the SOFTWARE_TOKEN_MFA answer. A
     * code is taken once per user, so a user can sign in only with a time step later than their last one, and at
     * most one step ahead of the clock: about once in 30 seconds.
     *
     * @return false, sending nothing, when the user has no time step left to sign in with now
     */
    default boolean signInWithTotp(int user) throws Exception {
        throw new UnsupportedOperationException("this server's MFA is not measured");
    }

    /**
     * Adds the upstream OpenID Provider {@code upstream} to the pool or realm of {@link #setUp}, and an app (a public
     * client with the code flow and PKCE) that signs users in through it.
     *
     * @return the app, for {@link BrokeredSignIn#signIn}
     */
    default BrokeredSignIn.App setUpFederation(UpstreamIdp upstream) throws Exception {
        throw new UnsupportedOperationException("this server's federation is not measured");
    }

    /**
     * Adds to the pool of {@link #setUp} one SAML IdP for each {@link SamlSignIns.Kind}, all from the metadata
     * {@code idpMetadataXml}, each taking sign-ins the IdP begins, and a confidential app client (an IdP-initiated
     * sign-in carries no PKCE) with the code flow that supports them.
     *
     * @return the pool, with the encryption certificate its SP metadata publishes
     */
    default SamlSignIns.Pool setUpSaml(String idpMetadataXml) throws Exception {
        throw new UnsupportedOperationException("this server's SAML sign-ins are not measured");
    }
}
