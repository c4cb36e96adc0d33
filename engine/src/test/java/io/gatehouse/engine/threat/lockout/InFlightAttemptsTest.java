package io.gatehouse.engine.threat.lockout;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InFlightAttemptsTest {

    @Test
    void aSecondAttemptOnTheSameCounterWaitsThenIsRefused() {
        InFlightAttempts inFlight = new InFlightAttempts(10, Duration.ofMillis(100));
        Runnable first = inFlight.acquire("alice");
        assertNotNull(first);
        long start = System.nanoTime();
        assertNull(inFlight.acquire("alice"), "the first still holds the counter");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90), "it waited first");
        assertNotNull(inFlight.acquire("bob"), "another counter is free");
        first.run();
        assertNotNull(inFlight.acquire("alice"), "free again once released");
    }

    @Test
    void aWaitingAttemptGoesOnWhenTheOneInFlightEnds() throws Exception {
        InFlightAttempts inFlight = new InFlightAttempts(10, Duration.ofSeconds(5));
        Runnable first = inFlight.acquire("alice");
        CompletableFuture<Runnable> second = CompletableFuture.supplyAsync(() -> inFlight.acquire("alice"));
        Thread.sleep(100);
        assertFalse(second.isDone(), "waiting for the first");
        first.run();
        assertNotNull(second.get(2, TimeUnit.SECONDS));
    }

    @Test
    void releasingTwiceFreesOnePermitOnly() {
        InFlightAttempts inFlight = new InFlightAttempts(10, Duration.ofMillis(50));
        Runnable first = inFlight.acquire("alice");
        first.run();
        Runnable second = inFlight.acquire("alice");
        assertNotNull(second);
        first.run();
        assertNull(inFlight.acquire("alice"), "the first's second release did not free the second's permit");
    }

    @Test
    void idleCountersAreForgottenAndBusyOnesAreCapped() {
        InFlightAttempts inFlight = new InFlightAttempts(2, Duration.ofMillis(50));
        Runnable a = inFlight.acquire("a");
        Runnable b = inFlight.acquire("b");
        assertNull(inFlight.acquire("c"), "two counters busy: a spray of names is refused");
        assertEquals(2, inFlight.size());
        a.run();
        b.run();
        assertEquals(0, inFlight.size(), "nothing is kept for counters no attempt holds");
        assertNotNull(inFlight.acquire("c"));
    }
}
