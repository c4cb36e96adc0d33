package io.gatehouse.api.provider;

import java.time.Clock;
import java.util.Optional;

/**
 * What a provider may use while it works. Deliberately narrow: a provider gets what its family needs and no
 * handle on the engine. Families that need more extend this interface.
 */
public interface ProviderContext {

    /** The user pool this unit of work serves, or empty for server-wide work. */
    Optional<String> userPoolId();

    /** The clock to read time from, so tests and replays control it. */
    Clock clock();

    /** A context with these values. */
    static ProviderContext of(Optional<String> userPoolId, Clock clock) {
        record Values(Optional<String> userPoolId, Clock clock) implements ProviderContext {
        }
        return new Values(userPoolId, clock);
    }
}
