/**
 * The {@code breached-password} family: sources that say whether a password is among those known from breaches.
 * The engine asks its built-in offline corpus (the most common breached passwords, shipped with the server) and
 * then every installed {@link io.gatehouse.api.password.BreachedPasswordCheckFactory}, such as one that asks Have I
 * Been Pwned's k-anonymity range API. What a pool does with a breached password (block it or only record it, at
 * sign-in, sign-up or a password change) is the pool's risk configuration, not the provider's.
 *
 * <p>A provider never sees the password: it gets its SHA-1 digest ({@link io.gatehouse.api.password.PasswordSha1}),
 * the form breach corpora are published in, and should send at most a short prefix of it anywhere.
 *
 * <h2>Versioning</h2>
 * The family was added in provider API 1.6. Within major version 1 it only grows: new questions come as new default
 * methods of {@link io.gatehouse.api.password.BreachedPasswordCheck}.
 */
package io.gatehouse.api.password;
