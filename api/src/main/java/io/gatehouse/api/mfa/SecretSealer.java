package io.gatehouse.api.mfa;

/**
 * Encrypts and authenticates the values an MFA method hands the engine to keep (a TOTP secret, a code's hash and
 * expiry), so that neither a copy of the database nor the holder of a session string can read or change them. The
 * engine implements it with its data key (AES-256-GCM); a test can use any authenticated cipher.
 *
 * <p>Each value is bound to a {@code context} the method chooses, naming the method, the pool, the user and the
 * purpose, for example {@code mfa:totp:<userPoolId>:<sub>:enrolment}. A value opens only with the context it was
 * sealed with, so one copied to another user or used for another purpose is refused.
 *
 * <p>Sealed values are text (safe in a database column, a JSON string or a session token) and tell nothing of
 * their content except its rough length. Sealing the same value twice gives different text.
 */
public interface SecretSealer {

    /**
     * Seals {@code plain} for {@code context}.
     *
     * @param plain   the value to protect; never logged
     * @param context what the value is and whose; not secret, and not contained in the result
     * @return the sealed text
     */
    String seal(String plain, String context);

    /**
     * Opens a value {@link #seal}ed for {@code context}.
     *
     * @return the plain value
     * @throws MfaStateException when {@code sealed} was altered, sealed for another context, sealed with a key
     *                           this server does not have, or is not a sealed value
     */
    String open(String sealed, String context);
}
