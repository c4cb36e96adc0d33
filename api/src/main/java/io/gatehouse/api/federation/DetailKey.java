package io.gatehouse.api.federation;

import java.util.Objects;

/**
 * A {@code ProviderDetails} key a provider type takes.
 *
 * @param name     the key as Cognito spells it ({@code client_id}, {@code oidc_issuer}, {@code private_key})
 * @param required whether CreateIdentityProvider must give it
 * @param secret   whether its value is a secret: the engine seals it with the data key at rest and never logs it
 * @param returned whether DescribeIdentityProvider shows it (Cognito shows an OAuth client secret, not Apple's
 *                 private key)
 */
public record DetailKey(String name, boolean required, boolean secret, boolean returned) {

    public DetailKey {
        Objects.requireNonNull(name, "name");
    }

    /** A plain key: not a secret, shown. */
    public static DetailKey plain(String name, boolean required) {
        return new DetailKey(name, required, false, true);
    }
}
