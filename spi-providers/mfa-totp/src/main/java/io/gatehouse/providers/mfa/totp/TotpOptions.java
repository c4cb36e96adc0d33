package io.gatehouse.providers.mfa.totp;

import java.time.Duration;

/**
 * The {@code totp} method's server-level options.
 *
 * @param window       time steps accepted before and after the current one
 * @param codeValidity how long a challenge may be answered when the pool's settings do not say
 */
record TotpOptions(int window, Duration codeValidity) {

    static final TotpOptions DEFAULTS = new TotpOptions(1, Duration.ofMinutes(3));
}
