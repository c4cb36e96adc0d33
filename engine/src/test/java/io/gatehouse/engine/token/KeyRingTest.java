package io.gatehouse.engine.token;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(90);
    private static final Duration LEAD = Duration.ofHours(1);
    private static final Duration LONGEST_TOKEN = Duration.ofDays(1);

    private static KeyRing.Key key(String kid, TokenPurpose purpose, Instant activates, Instant retired) {
        return new KeyRing.Key(kid, purpose, "{}", activates.minus(LEAD).toEpochMilli(), activates.toEpochMilli(),
                retired == null ? null : retired.toEpochMilli());
    }

    @Test
    void aNewPoolSignsWithItsFirstKeyPerPurpose() {
        KeyRing ring = new KeyRing(List.of(key("id-1", TokenPurpose.ID, T0, null),
                key("access-1", TokenPurpose.ACCESS, T0, null)));

        assertThat(ring.active(TokenPurpose.ID, T0)).map(KeyRing.Key::kid).hasValue("id-1");
        assertThat(ring.active(TokenPurpose.ACCESS, T0)).map(KeyRing.Key::kid).hasValue("access-1");
        assertThat(ring.rotationDue(TokenPurpose.ID, T0.plus(PERIOD).minusMillis(1), PERIOD)).isFalse();
        assertThat(ring.rotationDue(TokenPurpose.ID, T0.plus(PERIOD), PERIOD)).isTrue();
        assertThat(ring.rotationDue(TokenPurpose.ID, T0.plus(PERIOD.multipliedBy(5)), Duration.ZERO))
                .as("a zero period turns rotation off").isFalse();
    }

    @Test
    void anOwnerWithoutAKeyForAPurposeNeedsOneWhateverThePeriod() {
        KeyRing ring = new KeyRing(List.of(key("id-1", TokenPurpose.ID, T0, null)));

        assertThat(ring.rotationDue(TokenPurpose.OPEN_ID, T0, PERIOD)).isTrue();
        assertThat(ring.rotationDue(TokenPurpose.OPEN_ID, T0, Duration.ZERO)).as("even with rotation off").isTrue();
        assertThat(new KeyRing(List.of()).rotationDue(TokenPurpose.OPEN_ID, T0, PERIOD)).isTrue();
        KeyRing scheduled = new KeyRing(List.of(key("open-1", TokenPurpose.OPEN_ID, T0.plusSeconds(1), null)));
        assertThat(scheduled.rotationDue(TokenPurpose.OPEN_ID, T0, PERIOD)).as("one is on its way").isFalse();
    }

    @Test
    void aSuccessorIsPublishedBeforeItSignsAndItsPredecessorStaysPublishedUntilItsTokensExpire() {
        Instant rotatedAt = T0.plus(PERIOD);
        Instant activates = rotatedAt.plus(LEAD);
        KeyRing ring = new KeyRing(List.of(key("id-1", TokenPurpose.ID, T0, activates),
                key("id-2", TokenPurpose.ID, activates, null)));

        assertThat(ring.active(TokenPurpose.ID, rotatedAt)).map(KeyRing.Key::kid).hasValue("id-1");
        assertThat(ring.published(rotatedAt, LONGEST_TOKEN)).extracting(KeyRing.Key::kid)
                .containsExactly("id-1", "id-2");
        assertThat(ring.rotationDue(TokenPurpose.ID, rotatedAt, PERIOD))
                .as("a successor is already scheduled").isFalse();

        assertThat(ring.active(TokenPurpose.ID, activates.minusMillis(1))).map(KeyRing.Key::kid).hasValue("id-1");
        assertThat(ring.active(TokenPurpose.ID, activates)).map(KeyRing.Key::kid).hasValue("id-2");
        assertThat(ring.published(activates.plus(LONGEST_TOKEN), LONGEST_TOKEN)).extracting(KeyRing.Key::kid)
                .containsExactly("id-1", "id-2");
        assertThat(ring.published(activates.plus(LONGEST_TOKEN).plusMillis(1), LONGEST_TOKEN))
                .extracting(KeyRing.Key::kid).containsExactly("id-2");
        assertThat(ring.rotationDue(TokenPurpose.ID, activates.plus(PERIOD), PERIOD)).isTrue();
    }

    @Test
    void purposesRotateIndependently() {
        Instant activates = T0.plus(PERIOD).plus(LEAD);
        KeyRing ring = new KeyRing(List.of(key("id-1", TokenPurpose.ID, T0, activates),
                key("id-2", TokenPurpose.ID, activates, null), key("access-1", TokenPurpose.ACCESS, T0, null)));

        assertThat(ring.active(TokenPurpose.ACCESS, activates)).map(KeyRing.Key::kid).hasValue("access-1");
        assertThat(ring.rotationDue(TokenPurpose.ACCESS, T0.plus(PERIOD), PERIOD)).isTrue();
        assertThat(ring.rotationDue(TokenPurpose.ID, T0.plus(PERIOD), PERIOD)).isFalse();
    }
}
