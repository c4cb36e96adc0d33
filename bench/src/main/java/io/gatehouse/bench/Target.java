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
}
