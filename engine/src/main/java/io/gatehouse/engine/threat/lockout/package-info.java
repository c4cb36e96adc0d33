/**
 * Brute-force protection: every guessable secret (passwords, one-time codes, SECRET_HASH, client secrets) is
 * guarded twice. Per user, {@link io.gatehouse.engine.threat.lockout.SignInLocks} locks a user name after a few
 * wrong passwords or MFA codes, for a time that doubles with each further failure, as Cognito does ("Password
 * attempts exceeded"). Per source address, {@link io.gatehouse.engine.threat.lockout.AddressThrottle} spends a
 * token bucket on every failed guess and refuses further guesses from an address whose bucket is empty
 * ({@code TooManyRequestsException}, HTTP 429), long before a spray of wrong passwords across many names could
 * lock their users out. The counters live in the database, so the nodes of a cluster agree.
 */
package io.gatehouse.engine.threat.lockout;
