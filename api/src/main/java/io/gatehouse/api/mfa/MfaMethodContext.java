package io.gatehouse.api.mfa;

import io.gatehouse.api.provider.ProviderContext;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What an MFA method gets beyond the common context: a sealer for the values it hands the engine to keep, and a
 * channel for the messages that carry codes. Methods read the time from {@link #clock()} only, so that tests and
 * the contract suite control it.
 */
public interface MfaMethodContext extends ProviderContext {

    /** Seals and opens the method's states with the server's data key. */
    SecretSealer sealer();

    /** Sends code messages by SMS or e-mail. */
    CodeChannel channel();

    /** A context with these values: what the engine hands methods, and what a provider's tests can build. */
    static MfaMethodContext of(Optional<String> userPoolId, Clock clock, SecretSealer sealer, CodeChannel channel) {
        record Values(Optional<String> userPoolId, Clock clock, SecretSealer sealer, CodeChannel channel)
                implements MfaMethodContext {
            Values {
                Objects.requireNonNull(userPoolId, "userPoolId");
                Objects.requireNonNull(clock, "clock");
                Objects.requireNonNull(sealer, "sealer");
                Objects.requireNonNull(channel, "channel");
            }
        }
        return new Values(userPoolId, clock, sealer, channel);
    }
}
