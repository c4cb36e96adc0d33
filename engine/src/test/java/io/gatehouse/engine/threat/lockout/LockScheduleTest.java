package io.gatehouse.engine.threat.lockout;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LockScheduleTest {

    private final LockSchedule cognito = new LockSchedule(5, Duration.ofSeconds(1), Duration.ofMinutes(15));

    @Test
    void noLockBeforeTheFifthFailure() {
        for (int failures = 0; failures < 5; failures++) {
            assertEquals(Duration.ZERO, cognito.lockAfter(failures), failures + " failures");
        }
    }

    @Test
    void theFifthFailureLocksForTheFirstLockAndEachFurtherOneDoublesIt() {
        assertEquals(Duration.ofSeconds(1), cognito.lockAfter(5));
        assertEquals(Duration.ofSeconds(2), cognito.lockAfter(6));
        assertEquals(Duration.ofSeconds(4), cognito.lockAfter(7));
        assertEquals(Duration.ofSeconds(512), cognito.lockAfter(14));
    }

    @Test
    void locksStopGrowingAtTheCapHoweverManyFailures() {
        assertEquals(Duration.ofMinutes(15), cognito.lockAfter(15), "1024 s is past 900 s");
        assertEquals(Duration.ofMinutes(15), cognito.lockAfter(66), "a shift that would overflow a long");
        assertEquals(Duration.ofMinutes(15), cognito.lockAfter(Integer.MAX_VALUE));
    }

    @Test
    void aLockRunsFromTheLastFailureAndTheCountIsForgottenACapAfterTheLongestLockEnds() {
        assertEquals(10_000 + 2_000, cognito.lockedUntil(6, 10_000));
        assertEquals(10_000, cognito.lockedUntil(3, 10_000), "no lock: locked until the failure itself");
        assertEquals(10_000 + 900_000, cognito.lockedUntil(100, 10_000), "the cap lock");
        assertEquals(10_000 + 2 * 900_000, cognito.forgottenAt(10_000), "kept a cap after the cap lock ends");
    }

    @Test
    void aFirstLockThatIsNotAPowerOfTwoDoublesExactly() {
        LockSchedule odd = new LockSchedule(3, Duration.ofMillis(300), Duration.ofSeconds(2));
        assertEquals(Duration.ofMillis(300), odd.lockAfter(3));
        assertEquals(Duration.ofMillis(1200), odd.lockAfter(5));
        assertEquals(Duration.ofSeconds(2), odd.lockAfter(6), "2400 ms is past the cap");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LockSchedule(0, Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockSchedule(5, Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockSchedule(5, Duration.ofMinutes(2),
                Duration.ofMinutes(1)));
    }
}
