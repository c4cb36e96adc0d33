package io.gatehouse.api.password;

import io.gatehouse.api.provider.Provider;

/**
 * One source of breached passwords. The engine asks it at sign-up, at a password change and at a sign-in whose
 * password it sees (not SRP), wherever the pool's risk configuration checks for compromised credentials.
 *
 * <p>{@link #check} may be called on many threads at once and should answer quickly: it runs inside the user's
 * request. A source that cannot answer returns {@link BreachVerdict#unavailable} rather than throwing; what it
 * then does by its own settings (let the password pass, or count it as breached) is its choice, stated in its
 * README. An exception is treated as unavailable.
 */
public interface BreachedPasswordCheck extends Provider {

    /**
     * Says whether the password whose digest this is has been seen in breaches.
     *
     * @param password the SHA-1 digest of the password's UTF-8 bytes; never null
     * @return the verdict, never null
     */
    BreachVerdict check(PasswordSha1 password);
}
