package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.engine.threat.risk.AccountTakeoverAction;
import io.gatehouse.engine.threat.risk.AccountTakeoverPolicy;
import io.gatehouse.engine.threat.risk.RiskLevel;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each signal, on what fires it and what does not, and the scoring of signals into levels. */
class RiskSignalsTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final String CHROME = UserAgents.family(
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36");
    private static final String FIREFOX = UserAgents.family(
            "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0");

    private static SignInAttempt attempt(String address, String agent, boolean knownDevice) {
        return new SignInAttempt(address, Networks.of(address), agent, agent, knownDevice, NOW);
    }

    private static PastSignIn passed(String address, String agent, long minutesAgo) {
        return new PastSignIn(Networks.of(address), agent, AuthEvent.PASS, null, NOW - minutesAgo * 60_000);
    }

    private static SignInHistory history(PastSignIn... events) {
        return SignInHistory.of(List.of(events), 0);
    }

    @Test
    void userAgentFamilyWhenOnlyVersionsDifferThenSame() {
        assertEquals(CHROME, UserAgents.family(
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.1 Safari/537.36"));
        assertFalse(CHROME.equals(FIREFOX));
        assertEquals("", UserAgents.family(""));
    }

    @Test
    void networksWhenIpv4ThenSlash24AndIpv6Slash48() {
        assertEquals("198.51.100.0/24", Networks.of("198.51.100.77"));
        assertEquals("2001:db8:1:0:0:0:0:0/48", Networks.of("2001:db8:1:2::5"));
        assertEquals("unknown", Networks.of("unknown"));
    }

    @Test
    void newDeviceWhenFamilyNeverPassedThenFires() {
        RiskSignal signal = new NewDevice();
        SignInHistory history = history(passed("198.51.100.7", CHROME, 60));
        assertTrue(signal.fires(attempt("198.51.100.7", FIREFOX, false), history));
        assertFalse(signal.fires(attempt("198.51.100.7", CHROME, false), history), "a known browser");
        assertFalse(signal.fires(attempt("198.51.100.7", FIREFOX, true), history), "a confirmed device key");
        assertFalse(signal.fires(attempt("198.51.100.7", FIREFOX, false), SignInHistory.NONE),
                "no history is no risk");
    }

    @Test
    void newDeviceWhenFamilyOnlyFailedOrDisownedThenStillNew() {
        RiskSignal signal = new NewDevice();
        SignInHistory history = SignInHistory.of(List.of(
                passed("198.51.100.7", CHROME, 60),
                new PastSignIn(Networks.of("203.0.113.9"), FIREFOX, AuthEvent.FAIL, null, NOW - 1000),
                new PastSignIn(Networks.of("203.0.113.9"), FIREFOX, AuthEvent.PASS, AuthEvent.INVALID, NOW - 500)), 0);
        assertTrue(signal.fires(attempt("203.0.113.9", FIREFOX, false), history));
    }

    @Test
    void newDeviceWhenFeedbackValidOnAFailedOneThenKnown() {
        SignInHistory history = SignInHistory.of(List.of(
                passed("198.51.100.7", CHROME, 60),
                new PastSignIn(Networks.of("203.0.113.9"), FIREFOX, AuthEvent.FAIL, AuthEvent.VALID, NOW - 1000)), 0);
        assertFalse(new NewDevice().fires(attempt("203.0.113.9", FIREFOX, false), history));
        assertFalse(new NewNetwork().fires(attempt("203.0.113.9", FIREFOX, false), history));
    }

    private static PastSignIn failed(String address, String agent, long secondsAgo) {
        return new PastSignIn(Networks.of(address), agent, AuthEvent.FAIL, null, NOW - secondsAgo * 1000);
    }

    @Test
    void newDeviceAndNetworkWhenFailuresFillTheLatestEventsThenTheSettledOnesStillCount() {
        // 20 wrong passwords from the attacker's machine fill the window of latest events; the user's own sign-in
        // from an hour ago is read apart, as the settled events are.
        List<PastSignIn> flood = new java.util.ArrayList<>();
        for (int i = 0; i < AuthEvents.HISTORY; i++) {
            flood.add(failed("203.0.113.9", FIREFOX, i + 1));
        }
        SignInHistory history = new SignInHistory(List.of(passed("198.51.100.7", CHROME, 60)), flood, 0);
        RiskScoring.Score score = RiskScoring.score(attempt("203.0.113.9", FIREFOX, false), history);
        assertEquals(List.of("NewDevice", "NewNetwork"), score.signals());
        assertEquals(RiskLevel.MEDIUM, score.level());
    }

    @Test
    void firstSignInWhenOnlyFailuresCameBeforeThenNothingIsNew() {
        SignInHistory history = SignInHistory.of(List.of(failed("203.0.113.9", FIREFOX, 5),
                failed("203.0.113.9", FIREFOX, 10)), 0);
        assertFalse(history.hasTrusted());
        assertEquals(RiskLevel.LOW, RiskScoring.score(attempt("198.51.100.7", CHROME, false), history).level(),
                "a user who mistyped before a first sign-in is not at risk for it");
    }

    @Test
    void historyWhenAnUnsettledEventIsAmongTheSettledThenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SignInHistory(List.of(failed("203.0.113.9", FIREFOX, 5)), List.of(), 0));
    }

    @Test
    void challengesWhenManyWrongCodesThenTheColumnNeverOverflowsAndTheFirstAndLatestStay() {
        String challenges = ChallengeResults.PASSWORD + ":" + ChallengeResults.SUCCESS;
        for (int i = 0; i < 40; i++) {
            challenges = AuthEvent.appendAnswer(challenges, "Mfa:Failure");
        }
        challenges = AuthEvent.appendAnswer(challenges, "Mfa:Success");
        assertTrue(challenges.length() <= AuthEvent.CHALLENGES_MAX, challenges);
        assertTrue(challenges.startsWith("Password:Success,Mfa:Failure"), challenges);
        assertTrue(challenges.endsWith(",Mfa:Success"), challenges);
    }

    @Test
    void newNetworkWhenOutsideEveryKnownNetworkThenFires() {
        RiskSignal signal = new NewNetwork();
        SignInHistory history = history(passed("198.51.100.7", CHROME, 60));
        assertTrue(signal.fires(attempt("203.0.113.9", CHROME, false), history));
        assertFalse(signal.fires(attempt("198.51.100.200", CHROME, false), history), "same /24");
        assertFalse(signal.fires(attempt("203.0.113.9", CHROME, false), SignInHistory.NONE));
    }

    @Test
    void failuresFromAddressWhenAtThresholdThenFires() {
        RiskSignal signal = new FailuresFromAddress();
        SignInAttempt attempt = attempt("203.0.113.9", CHROME, false);
        assertFalse(signal.fires(attempt, SignInHistory.of(List.of(), FailuresFromAddress.THRESHOLD - 1)));
        assertTrue(signal.fires(attempt, SignInHistory.of(List.of(), FailuresFromAddress.THRESHOLD)),
                "even on a first sign-in: the address, not the user, has a history");
    }

    @Test
    void manyNetworksWhenThreeWithinTheHourThenFires() {
        RiskSignal signal = new ManyNetworks();
        SignInHistory recent = history(passed("198.51.100.7", CHROME, 10), passed("192.0.2.7", CHROME, 30));
        assertTrue(signal.fires(attempt("203.0.113.9", CHROME, false), recent));
        assertFalse(signal.fires(attempt("198.51.100.8", CHROME, false), recent), "only two networks");
        SignInHistory old = history(passed("198.51.100.7", CHROME, 10), passed("192.0.2.7", CHROME, 90));
        assertFalse(signal.fires(attempt("203.0.113.9", CHROME, false), old), "the third is over an hour old");
    }

    @Test
    void disownedNetworkWhenAnEventFromItWasMarkedInvalidThenFires() {
        RiskSignal signal = new DisownedNetwork();
        SignInHistory history = SignInHistory.of(List.of(passed("198.51.100.7", CHROME, 60),
                new PastSignIn(Networks.of("203.0.113.9"), FIREFOX, AuthEvent.PASS, AuthEvent.INVALID, NOW)), 0);
        assertTrue(signal.fires(attempt("203.0.113.50", CHROME, false), history));
        assertFalse(signal.fires(attempt("198.51.100.9", CHROME, false), history));
    }

    @Test
    void scoreWhenFirstSignInThenLowWithNoSignals() {
        RiskScoring.Score score = RiskScoring.score(attempt("203.0.113.9", CHROME, false), SignInHistory.NONE);
        assertEquals(RiskLevel.LOW, score.level());
        assertEquals(List.of(), score.signals());
    }

    @Test
    void scoreWhenNewDeviceAloneThenLowAndWithNewNetworkMedium() {
        SignInHistory history = history(passed("198.51.100.7", CHROME, 120));
        RiskScoring.Score device = RiskScoring.score(attempt("198.51.100.7", FIREFOX, false), history);
        assertEquals(RiskLevel.LOW, device.level());
        assertEquals(List.of("NewDevice"), device.signals());
        RiskScoring.Score both = RiskScoring.score(attempt("203.0.113.9", FIREFOX, false), history);
        assertEquals(RiskLevel.MEDIUM, both.level());
        assertEquals(List.of("NewDevice", "NewNetwork"), both.signals());
    }

    @Test
    void scoreWhenNewDeviceAndNetworkFromAFailingAddressThenHigh() {
        SignInHistory history = SignInHistory.of(List.of(passed("198.51.100.7", CHROME, 120)),
                FailuresFromAddress.THRESHOLD);
        RiskScoring.Score score = RiskScoring.score(attempt("203.0.113.9", FIREFOX, false), history);
        assertEquals(RiskLevel.HIGH, score.level());
        assertEquals(List.of("NewDevice", "NewNetwork", "FailuresFromAddress"), score.signals());
    }

    @Test
    void policyWhenLevelsLeftOutThenNoActionAndDefaultProtectsHighOnly() throws Exception {
        AccountTakeoverPolicy set = AccountTakeoverPolicy.read(Json.MAPPER.readTree(
                "{\"Actions\":{\"MediumAction\":{\"EventAction\":\"MFA_REQUIRED\",\"Notify\":true}}}"));
        assertEquals(AccountTakeoverAction.NO_ACTION, set.action(RiskLevel.LOW));
        assertEquals(AccountTakeoverAction.MFA_REQUIRED, set.action(RiskLevel.MEDIUM));
        assertTrue(set.notifies(RiskLevel.MEDIUM));
        assertFalse(set.notifies(RiskLevel.HIGH));
        assertEquals(Map.of(RiskLevel.LOW, AccountTakeoverAction.NO_ACTION,
                RiskLevel.MEDIUM, AccountTakeoverAction.NO_ACTION,
                RiskLevel.HIGH, AccountTakeoverAction.MFA_IF_CONFIGURED), AccountTakeoverPolicy.DEFAULT.actions());
    }

    @Test
    void noticeTemplateWhenValuesHoldControlCharactersThenDropped() {
        String subject = NoticeTemplate.render("Sign-in from {device-name}",
                Map.of("device-name", "curl\r\nBcc: victim@example.com\u0000"), false);
        assertEquals("Sign-in from curlBcc: victim@example.com", subject);
    }

    @Test
    void noticeTemplateWhenHtmlThenValuesEscapedAndPlaceholdersInValuesLeftAlone() {
        String out = NoticeTemplate.render("<p>{username} from {ip-address} on {device-name}</p>",
                Map.of("username", "{ip-address}", "ip-address", "203.0.113.9", "device-name", "<script>"), true);
        assertEquals("<p>{ip-address} from 203.0.113.9 on &lt;script&gt;</p>", out);
    }
}
