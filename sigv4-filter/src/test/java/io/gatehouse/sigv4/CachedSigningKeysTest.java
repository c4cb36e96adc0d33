package io.gatehouse.sigv4;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedSigningKeysTest {

    private static final GatehouseCaller CALLER = new GatehouseCaller("p", "i", "arn:aws:iam::1:role/r", "a", true,
            Map.of());
    private static final KeyScope SCOPE = new KeyScope("ASIAKEY", "token", "20261206", "us-east-1", "orders");

    private Instant now = Instant.parse("2026-12-06T11:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger calls = new AtomicInteger();
    private Instant expiresAt = now.plus(Duration.ofHours(1));
    private SigV4Rejection refusal;

    private final SigningKeySource gatehouse = scope -> {
        calls.incrementAndGet();
        if (refusal != null) {
            throw refusal;
        }
        return new SigningKey(new byte[32], CALLER, expiresAt);
    };

    @Test
    void signingKeyWhenAskedAgainThenGatehouseAskedOnceUntilTheCredentialsExpire() {
        CachedSigningKeys cache = new CachedSigningKeys(gatehouse, 10, clock);
        cache.signingKey(SCOPE);
        now = now.plus(Duration.ofMinutes(59));
        cache.signingKey(SCOPE);
        assertThat(calls).hasValue(1);

        now = now.plus(Duration.ofMinutes(2));
        cache.signingKey(SCOPE);
        assertThat(calls).hasValue(2);
    }

    @Test
    void signingKeyWhenTheDayIsOverThenAskedAgain() {
        expiresAt = now.plus(Duration.ofDays(2));
        CachedSigningKeys cache = new CachedSigningKeys(gatehouse, 10, clock);
        cache.signingKey(SCOPE);
        now = Instant.parse("2026-12-07T00:14:00Z");
        cache.signingKey(SCOPE);
        assertThat(calls).hasValue(1);

        now = Instant.parse("2026-12-07T00:16:00Z");
        cache.signingKey(SCOPE);
        assertThat(calls).hasValue(2);
    }

    @Test
    void signingKeyWhenRefusedThenRefusalKeptAMinuteAndUnavailabilityNot() {
        refusal = new SigV4Rejection("UnrecognizedClientException", "invalid");
        CachedSigningKeys cache = new CachedSigningKeys(gatehouse, 10, clock);
        assertThatThrownBy(() -> cache.signingKey(SCOPE)).isSameAs(refusal);
        assertThatThrownBy(() -> cache.signingKey(SCOPE)).isSameAs(refusal);
        assertThat(calls).hasValue(1);

        refusal = new SigV4Rejection("ServiceUnavailableException", "down", 503);
        now = now.plus(CachedSigningKeys.REFUSAL_TTL).plusSeconds(1);
        assertThatThrownBy(() -> cache.signingKey(SCOPE)).isSameAs(refusal);
        assertThatThrownBy(() -> cache.signingKey(SCOPE)).isSameAs(refusal);
        assertThat(calls).hasValue(3);
    }

    @Test
    void signingKeyWhenMoreScopesThanTheBoundThenTheLeastRecentlyUsedGoes() {
        CachedSigningKeys cache = new CachedSigningKeys(gatehouse, 2, clock);
        KeyScope other = new KeyScope("ASIAKEY", "token", "20261206", "us-east-1", "billing");
        KeyScope third = new KeyScope("ASIAOTHER", "token", "20261206", "us-east-1", "orders");
        cache.signingKey(SCOPE);
        cache.signingKey(other);
        cache.signingKey(SCOPE);
        cache.signingKey(third);
        assertThat(cache.size()).isEqualTo(2);
        cache.signingKey(SCOPE);
        assertThat(calls).hasValue(3);

        cache.signingKey(other);
        assertThat(calls).hasValue(4);
    }
}
