package io.gatehouse.providers.password.hibp;

import io.gatehouse.api.password.BreachVerdict;
import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.password.PasswordSha1;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The range API provider against a stand-in that speaks the API's protocol on loopback. */
class HibpRangeCheckTest {

    private static BreachedPasswordCheck check(String baseUrl, String... options) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("base-url", baseUrl));
        for (int i = 0; i < options.length; i += 2) {
            config.put(options[i], options[i + 1]);
        }
        HibpRangeCheckFactory factory = new HibpRangeCheckFactory();
        factory.init(new ProviderConfig(config));
        return factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
    }

    @Test
    void onlyTheFiveDigitPrefixLeavesAndPaddingIsAskedFor() throws Exception {
        try (RangeApiStandIn api = new RangeApiStandIn().knows("P@ssw0rd", 52_000)) {
            BreachVerdict verdict = check(api.baseUrl()).check(PasswordSha1.of("P@ssw0rd"));
            assertEquals(BreachVerdict.Outcome.BREACHED, verdict.outcome());
            assertEquals(OptionalLong.of(52_000), verdict.occurrences());
            assertEquals(1, api.asked().size());
            RangeApiStandIn.Asked asked = api.asked().get(0);
            assertEquals("/range/" + PasswordSha1.of("P@ssw0rd").prefix(5), asked.path());
            assertEquals("true", asked.padding());
        }
    }

    @Test
    void aPaddingLineOfCountZeroIsNotABreach() throws Exception {
        String password = "Gh-never-breached-9f3a";
        try (RangeApiStandIn api = new RangeApiStandIn().padsWith(password)) {
            assertEquals(BreachVerdict.Outcome.NOT_FOUND, check(api.baseUrl()).check(PasswordSha1.of(password))
                    .outcome());
        }
    }

    @Test
    void minimumOccurrencesLetsRarelySeenPasswordsPass() throws Exception {
        try (RangeApiStandIn api = new RangeApiStandIn().knows("Once-Seen-1", 2).knows("P@ssw0rd", 52_000)) {
            BreachedPasswordCheck check = check(api.baseUrl(), "min-occurrences", "10");
            assertFalse(check.check(PasswordSha1.of("Once-Seen-1")).breached());
            assertTrue(check.check(PasswordSha1.of("P@ssw0rd")).breached());
        }
    }

    @Test
    void whenTheApiIsDownTheCheckSaysSoAndLeavesTheDecisionToTheServer() throws Exception {
        RangeApiStandIn api = new RangeApiStandIn();
        String base = api.baseUrl();
        api.close();
        BreachVerdict open = check(base).check(PasswordSha1.of("P@ssw0rd"));
        assertEquals(BreachVerdict.Outcome.UNAVAILABLE, open.outcome());
        assertFalse(open.detail().contains(PasswordSha1.of("P@ssw0rd").hex()));
        // An outage must never read as a find: the server would send users who sign in meanwhile to reset.
        assertFalse(open.breached());
    }

    @Test
    void anErrorStatusIsUnavailable() throws Exception {
        try (RangeApiStandIn api = new RangeApiStandIn().knows("P@ssw0rd", 52_000).answering(503)) {
            BreachVerdict verdict = check(api.baseUrl()).check(PasswordSha1.of("P@ssw0rd"));
            assertEquals(BreachVerdict.Outcome.UNAVAILABLE, verdict.outcome());
            assertTrue(verdict.detail().contains("503"), verdict.detail());
        }
    }

    @Test
    void aSlowApiIsGivenUpOnAtTheTimeout() throws Exception {
        try (RangeApiStandIn api = new RangeApiStandIn().knows("P@ssw0rd", 52_000).slow(3_000)) {
            long start = System.nanoTime();
            BreachVerdict verdict = check(api.baseUrl(), "timeout-ms", "300").check(PasswordSha1.of("P@ssw0rd"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(BreachVerdict.Outcome.UNAVAILABLE, verdict.outcome());
            assertTrue(millis < 2_500, "took " + millis + " ms");
        }
    }

    @Test
    void badOptionsAreRefusedAtInit() {
        HibpRangeCheckFactory factory = new HibpRangeCheckFactory();
        assertThrows(ProviderInitializationException.class,
                () -> factory.init(new ProviderConfig(Map.of("base-url", "http://api.example.com"))));
        assertThrows(ProviderInitializationException.class,
                () -> factory.init(new ProviderConfig(Map.of("when-unavailable", "block"))),
                "an outage is the server's to judge (gatehouse.compromised-credentials.when-unavailable)");
        assertThrows(ProviderInitializationException.class,
                () -> factory.init(new ProviderConfig(Map.of("timeout-ms", "soon"))));
        assertThrows(ProviderInitializationException.class,
                () -> factory.init(new ProviderConfig(Map.of("min-occurrences", "0"))));
    }
}
