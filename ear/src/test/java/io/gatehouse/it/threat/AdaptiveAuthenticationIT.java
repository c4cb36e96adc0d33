package io.gatehouse.it.threat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.api.testing.Totp;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.Clients;
import io.gatehouse.it.cognito.Mailbox;
import io.gatehouse.it.cognito.RawCall;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListUserAuthEventsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeedbackValueType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskDecisionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskLevelType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolAddOnNotEnabledException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adaptive authentication through the AWS SDK: sign-ins scored from where they come from (AdminInitiateAuth's
 * ContextData, or X-Forwarded-For, which the test server believes from 127.0.0.1) and acted on as the pool's
 * AccountTakeoverRiskConfiguration says; AdminListUserAuthEvents showing each attempt with its risk and signals;
 * feedback from an administrator and through the notice e-mail's link.
 */
class AdaptiveAuthenticationIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";
    private static final String LAPTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";
    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    /** A pool in {@code mode} whose users may get codes by e-mail, and a client for password sign-ins. */
    private record Pool(String id, String clientId) {
    }

    private static Pool pool(String name, AdvancedSecurityModeType mode) {
        String id = cognito.createUserPool(r -> r.poolName(name)
                .userPoolAddOns(a -> a.advancedSecurityMode(mode))).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(id).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Sign in with {####}.")));
        String clientId = cognito.createUserPoolClient(r -> r.userPoolId(id).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        return new Pool(id, clientId);
    }

    private static void actions(Pool pool, AccountTakeoverEventActionType medium, AccountTakeoverEventActionType high) {
        cognito.setRiskConfiguration(r -> r.userPoolId(pool.id()).accountTakeoverRiskConfiguration(t -> t
                .actions(a -> a.mediumAction(m -> m.eventAction(medium).sendNotification(false))
                        .highAction(h -> h.eventAction(high).sendNotification(false)))));
    }

    private static String user(Pool pool, String email) {
        String username = "user-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(pool.id()).username(username).messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool.id()).username(username).password(PASSWORD)
                .permanent(true));
        return username;
    }

    /** A random address in a documentation block, so no other suite's failures count against it. */
    private static String address(String block) {
        return block + "." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    /** A sign-in a backend makes for its user, telling Gatehouse the user's address and browser. */
    private static AdminInitiateAuthResponse signIn(Pool pool, String username, String password, String ip,
                                                   String agent) {
        return cognito.adminInitiateAuth(r -> r.userPoolId(pool.id()).clientId(pool.clientId())
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
                .contextData(c -> c.ipAddress(ip).serverName("app.example.com").serverPath("/login")
                        .httpHeaders(h -> h.headerName("User-Agent").headerValue(agent))));
    }

    /** An app's sign-in through a proxy the server trusts, which says the app's address. */
    private static InitiateAuthResponse signInForwarded(Pool pool, String username, String ip) {
        return cognito.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))
                .overrideConfiguration(o -> o.putHeader("X-Forwarded-For", ip)));
    }

    private static List<AuthEventType> events(Pool pool, String username) {
        return cognito.adminListUserAuthEvents(r -> r.userPoolId(pool.id()).username(username)).authEvents();
    }

    /** The events as raw JSON, to read Gatehouse's EventRisk.Signals, which the SDK's model has no member for. */
    private static JsonNode rawEvents(Pool pool, String username) throws Exception {
        HttpResponse<String> response = RawCall.admin(RawCall.target("AdminListUserAuthEvents"),
                JSON.writeValueAsString(Map.of("UserPoolId", pool.id(), "Username", username)));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("AuthEvents");
    }

    private static List<String> signals(JsonNode event) {
        return JSON.convertValue(event.path("EventRisk").path("Signals"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Test
    void signInFromNewDeviceAndNetworkWhenMediumRequiresMfaThenEmailedCodeAndEventsShowRiskAndSignals()
            throws Exception {
        Pool pool = pool("risk-mfa", AdvancedSecurityModeType.ENFORCED);
        actions(pool, AccountTakeoverEventActionType.MFA_REQUIRED, AccountTakeoverEventActionType.BLOCK);
        String email = "risk-" + UUID.randomUUID() + "@example.com";
        String username = user(pool, email);

        // The first sign-in has no history to differ from: LOW, no challenge.
        String home = address("198.51.100");
        assertThat(signIn(pool, username, PASSWORD, home, LAPTOP).authenticationResult()).isNotNull();
        // The same browser after an update, from the same network: still nothing new.
        assertThat(signIn(pool, username, PASSWORD, "198.51.100.254", LAPTOP.replace("120.0", "121.0"))
                .authenticationResult()).isNotNull();

        // Another device in another network: MEDIUM, and the pool requires MFA there; the user never set MFA up,
        // so the code goes to their verified address.
        String away = address("203.0.113");
        AdminInitiateAuthResponse[] challenged = new AdminInitiateAuthResponse[1];
        String code = Mailbox.nextCodeTo(MAIL, email,
                () -> challenged[0] = signIn(pool, username, PASSWORD, away, PHONE));
        assertThat(challenged[0].challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        assertThat(cognito.adminRespondToAuthChallenge(r -> r.userPoolId(pool.id()).clientId(pool.clientId())
                .challengeName(ChallengeNameType.EMAIL_OTP).session(challenged[0].session())
                .challengeResponses(Map.of("USERNAME", username, "EMAIL_OTP_CODE", code)))
                .authenticationResult().accessToken()).isNotBlank();

        List<AuthEventType> events = events(pool, username);
        assertThat(events).hasSize(3);
        AuthEventType risky = events.get(0);
        assertThat(risky.eventTypeAsString()).isEqualTo("SignIn");
        assertThat(risky.eventResponse()).isEqualTo(EventResponseType.PASS);
        assertThat(risky.eventRisk().riskLevel()).isEqualTo(RiskLevelType.MEDIUM);
        assertThat(risky.eventRisk().riskDecision()).isEqualTo(RiskDecisionType.ACCOUNT_TAKEOVER);
        assertThat(risky.challengeResponses()).extracting(ChallengeResponseType::challengeNameAsString,
                        ChallengeResponseType::challengeResponse)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Password", ChallengeResponse.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("Mfa", ChallengeResponse.SUCCESS));
        assertThat(risky.eventContextData().ipAddress()).isEqualTo(away);
        assertThat(risky.eventContextData().deviceName()).isEqualTo(PHONE);
        assertThat(risky.creationDate()).isAfterOrEqualTo(events.get(1).creationDate());
        for (AuthEventType earlier : events.subList(1, 3)) {
            assertThat(earlier.eventResponse()).isEqualTo(EventResponseType.PASS);
            assertThat(earlier.eventRisk().riskLevel()).isEqualTo(RiskLevelType.LOW);
            assertThat(earlier.eventRisk().riskDecision()).isEqualTo(RiskDecisionType.NO_RISK);
        }

        JsonNode raw = rawEvents(pool, username);
        assertThat(signals(raw.get(0))).containsExactly("NewDevice", "NewNetwork");
        assertThat(signals(raw.get(1))).isEmpty();
        assertThat(signals(raw.get(2))).isEmpty();
    }

    @Test
    void signInWhenHighAndPolicyBlocksThenRefusedAndRecordedWithItsFailures() throws Exception {
        Pool pool = pool("risk-block", AdvancedSecurityModeType.ENFORCED);
        actions(pool, AccountTakeoverEventActionType.NO_ACTION, AccountTakeoverEventActionType.BLOCK);
        String username = user(pool, "block-" + UUID.randomUUID() + "@example.com");
        assertThat(signIn(pool, username, PASSWORD, address("198.51.100"), LAPTOP).authenticationResult())
                .isNotNull();

        // Credential stuffing: one address tries a leaked password on account after account (one guess each, so
        // no account locks), then finds this user's right password.
        String stuffer = address("192.0.2");
        for (int i = 0; i < 5; i++) {
            String other = user(pool, "other-" + UUID.randomUUID() + "@example.com");
            assertThatThrownBy(() -> signIn(pool, other, "Wrong-Horse-9", stuffer, PHONE))
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("Incorrect username or password.");
            AuthEventType failed = events(pool, other).get(0);
            assertThat(failed.eventResponse()).isEqualTo(EventResponseType.FAIL);
            assertThat(failed.challengeResponses().get(0).challengeResponse()).isEqualTo(ChallengeResponse.FAILURE);
            assertThat(failed.eventContextData().ipAddress()).isEqualTo(stuffer);
        }
        assertThatThrownBy(() -> signIn(pool, username, PASSWORD, stuffer, PHONE))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Unable to login because of security reasons.");

        List<AuthEventType> events = events(pool, username);
        assertThat(events).hasSize(2);
        AuthEventType blocked = events.get(0);
        assertThat(blocked.eventResponse()).isEqualTo(EventResponseType.FAIL);
        assertThat(blocked.eventRisk().riskLevel()).isEqualTo(RiskLevelType.HIGH);
        assertThat(blocked.eventRisk().riskDecision()).isEqualTo(RiskDecisionType.BLOCK);
        assertThat(blocked.challengeResponses().get(0).challengeResponse()).isEqualTo(ChallengeResponse.SUCCESS);
        assertThat(blocked.eventContextData().ipAddress()).isEqualTo(stuffer);
        assertThat(signals(rawEvents(pool, username).get(0)))
                .containsExactly("NewDevice", "NewNetwork", "FailuresFromAddress");

        // The user's own device and network are still fine.
        assertThat(signIn(pool, username, PASSWORD, "198.51.100.9", LAPTOP).authenticationResult()).isNotNull();
    }

    @Test
    void rangesWhenBlockedThenRefusedWhateverTheRiskAndWhenSkippedThenNoActionButRecorded() throws Exception {
        Pool pool = pool("risk-ranges", AdvancedSecurityModeType.ENFORCED);
        cognito.setRiskConfiguration(r -> r.userPoolId(pool.id())
                .accountTakeoverRiskConfiguration(t -> t.actions(a -> a
                        .mediumAction(m -> m.eventAction(AccountTakeoverEventActionType.BLOCK).sendNotification(false))
                        .highAction(h -> h.eventAction(AccountTakeoverEventActionType.BLOCK).sendNotification(false))))
                .riskExceptionConfiguration(e -> e.blockedIPRangeList("192.0.2.0/24")
                        .skippedIPRangeList("203.0.113.0/24")));
        String username = user(pool, "ranges-" + UUID.randomUUID() + "@example.com");

        // A first sign-in is LOW, but the range is blocked: X-Forwarded-For from a trusted proxy names it.
        assertThatThrownBy(() -> signInForwarded(pool, username, address("192.0.2")))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Unable to login because of security reasons.");
        assertThat(signInForwarded(pool, username, address("198.51.100")).authenticationResult()).isNotNull();

        // New device, new network: MEDIUM, which this pool blocks, except from the skipped range.
        assertThat(signIn(pool, username, PASSWORD, address("203.0.113"), PHONE).authenticationResult())
                .isNotNull();
        assertThatThrownBy(() -> signIn(pool, username, PASSWORD, address("100.64.0"), PHONE))
                .isInstanceOf(NotAuthorizedException.class);

        JsonNode raw = rawEvents(pool, username);
        assertThat(raw).hasSize(4);
        assertThat(raw.get(0).path("EventRisk").path("RiskDecision").asText()).isEqualTo("Block");
        assertThat(raw.get(1).path("EventResponse").asText()).isEqualTo("Pass");
        assertThat(raw.get(1).path("EventRisk").path("RiskLevel").asText()).isEqualTo("Medium");
        // The blocked attempt counts among the user's networks of the hour: three of them.
        assertThat(signals(raw.get(1))).containsExactly("NewDevice", "NewNetwork", "ManyNetworks", "SkippedRange");
        assertThat(raw.get(2).path("EventResponse").asText()).isEqualTo("Pass");
        assertThat(raw.get(3).path("EventResponse").asText()).isEqualTo("Fail");
        assertThat(raw.get(3).path("EventRisk").path("RiskLevel").asText()).isEqualTo("Low");
        assertThat(signals(raw.get(3))).containsExactly("BlockedRange");
    }

    @Test
    void auditModeWhenRiskyThenRecordedButNotActedOn() throws Exception {
        Pool pool = pool("risk-audit", AdvancedSecurityModeType.AUDIT);
        actions(pool, AccountTakeoverEventActionType.BLOCK, AccountTakeoverEventActionType.BLOCK);
        String username = user(pool, "audit-" + UUID.randomUUID() + "@example.com");
        assertThat(signIn(pool, username, PASSWORD, address("198.51.100"), LAPTOP).authenticationResult())
                .isNotNull();
        assertThat(signIn(pool, username, PASSWORD, address("203.0.113"), PHONE).authenticationResult())
                .isNotNull();

        JsonNode risky = rawEvents(pool, username).get(0);
        assertThat(risky.path("EventResponse").asText()).isEqualTo("Pass");
        assertThat(risky.path("EventRisk").path("RiskLevel").asText()).isEqualTo("Medium");
        assertThat(risky.path("EventRisk").path("RiskDecision").asText()).isEqualTo("AccountTakeover");
        assertThat(signals(risky)).containsExactly("NewDevice", "NewNetwork", "Audit");
    }

    @Test
    void eventsWhenThreatProtectionOffThenNoneRecordedAndListingRefused() {
        Pool pool = pool("risk-off", AdvancedSecurityModeType.OFF);
        String username = user(pool, "off-" + UUID.randomUUID() + "@example.com");
        assertThat(signIn(pool, username, PASSWORD, address("198.51.100"), LAPTOP).authenticationResult())
                .isNotNull();
        assertThatThrownBy(() -> events(pool, username)).isInstanceOf(UserPoolAddOnNotEnabledException.class);
    }

    @Test
    void adminFeedbackWhenGivenThenOnTheEventAndPagesFollowNextToken() {
        Pool pool = pool("risk-feedback", AdvancedSecurityModeType.ENFORCED);
        String username = user(pool, "feedback-" + UUID.randomUUID() + "@example.com");
        String home = address("198.51.100");
        for (int i = 0; i < 3; i++) {
            signIn(pool, username, PASSWORD, home, LAPTOP);
        }
        AdminListUserAuthEventsResponse first = cognito.adminListUserAuthEvents(r -> r.userPoolId(pool.id())
                .username(username).maxResults(2));
        assertThat(first.authEvents()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();
        AdminListUserAuthEventsResponse second = cognito.adminListUserAuthEvents(r -> r.userPoolId(pool.id())
                .username(username).maxResults(2).nextToken(first.nextToken()));
        assertThat(second.authEvents()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        assertThat(second.authEvents().get(0).eventId()).isNotIn(first.authEvents().stream()
                .map(AuthEventType::eventId).toList());

        String eventId = first.authEvents().get(1).eventId();
        cognito.adminUpdateAuthEventFeedback(r -> r.userPoolId(pool.id()).username(username).eventId(eventId)
                .feedbackValue(FeedbackValueType.INVALID));
        AuthEventType marked = events(pool, username).stream().filter(e -> e.eventId().equals(eventId))
                .findFirst().orElseThrow();
        assertThat(marked.eventFeedback().feedbackValue()).isEqualTo(FeedbackValueType.INVALID);
        assertThat(marked.eventFeedback().provider()).isEqualTo("Admin");
        assertThat(marked.eventFeedback().feedbackDate()).isNotNull();

        assertThatThrownBy(() -> cognito.adminUpdateAuthEventFeedback(r -> r.userPoolId(pool.id())
                .username(username).eventId("no-such-event").feedbackValue(FeedbackValueType.VALID)))
                .isInstanceOf(ResourceNotFoundException.class);
        // The user's own feedback needs the token of the notice mail.
        assertThatThrownBy(() -> cognito.updateAuthEventFeedback(r -> r.userPoolId(pool.id()).username(username)
                .eventId(eventId).feedbackToken("forged-token").feedbackValue(FeedbackValueType.VALID)))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void noticeWhenNotifyIsOnThenMailedAndItsLinkMarksTheEventNotTheUsersWhichRaisesLaterRisk() throws Exception {
        Pool pool = pool("risk-notify", AdvancedSecurityModeType.ENFORCED);
        cognito.setRiskConfiguration(r -> r.userPoolId(pool.id()).accountTakeoverRiskConfiguration(t -> t
                .notifyConfiguration(n -> n.sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com")
                        .noActionEmail(m -> m.subject("New sign-in for {username}")
                                .textBody("From {ip-address} on {device-name}. Not you? {one-click-link-invalid}")))
                .actions(a -> a.lowAction(l -> l.eventAction(AccountTakeoverEventActionType.NO_ACTION).sendNotification(false))
                        .mediumAction(m -> m.eventAction(AccountTakeoverEventActionType.NO_ACTION).sendNotification(true))
                        .highAction(h -> h.eventAction(AccountTakeoverEventActionType.BLOCK).sendNotification(false)))));
        String email = "notify-" + UUID.randomUUID() + "@example.com";
        String username = user(pool, email);
        signIn(pool, username, PASSWORD, address("198.51.100"), LAPTOP);
        String away = address("203.0.113");
        signIn(pool, username, PASSWORD, away, PHONE);

        MimeMessage notice = Mailbox.lastMailTo(MAIL, email);
        assertThat(notice.getSubject()).isEqualTo("New sign-in for " + username);
        String body = (String) notice.getContent();
        assertThat(body).contains("From " + away + " on " + PHONE);
        Matcher link = Pattern.compile("(http\\S+auth-events/feedback\\S+)").matcher(body);
        assertThat(link.find()).isTrue();
        String url = link.group(1);

        // Opening the link only asks; the button's POST gives the feedback.
        HttpResponse<String> page = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(events(pool, username).get(0).eventFeedback()).isNull();
        String form = URI.create(url).getRawQuery();
        HttpResponse<String> answered = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(url.split("\\?")[0]))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
        AuthEventType disowned = events(pool, username).get(0);
        assertThat(disowned.eventFeedback().feedbackValue()).isEqualTo(FeedbackValueType.INVALID);
        assertThat(disowned.eventFeedback().provider()).isEqualTo("User");

        // A tampered link is refused.
        HttpResponse<String> forged = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(url.split("\\?")[0]))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.replaceAll("token=[^&]+", "token=AAAA")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);

        // From the disowned network again, on the disowned device: it no longer counts as the user's, and the
        // network itself is suspect now, so the sign-in is HIGH and blocked.
        assertThatThrownBy(() -> signIn(pool, username, PASSWORD, "203.0.113.77", PHONE))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(signals(rawEvents(pool, username).get(0)))
                .containsExactly("NewDevice", "NewNetwork", "DisownedNetwork");
    }

    @Test
    void challengesLeftUnansweredWhenTheyFillTheLatestEventsThenTheUsersOwnSignInsStillMakeTheNextOneRisky() {
        // Someone holding the password but not the authenticator app signs in again and again from their own
        // device and network, never answering: every attempt is an event in progress. They must not, by sheer
        // number, push the user's own sign-ins out of what the signals compare with and so make their device and
        // network pass for the user's.
        Pool pool = pool("risk-flood", AdvancedSecurityModeType.ENFORCED);
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool.id()).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        String username = user(pool, "flood-" + UUID.randomUUID() + "@example.com");
        String access = signIn(pool, username, PASSWORD, address("198.51.100"), LAPTOP).authenticationResult()
                .accessToken();
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(Totp.code(secret, Instant.now())));
        cognito.setUserMFAPreference(r -> r.accessToken(access)
                .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));

        String away = address("203.0.113");
        for (int i = 0; i <= 25; i++) {
            assertThat(signIn(pool, username, PASSWORD, away, PHONE).challengeName())
                    .isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        }
        List<AuthEventType> events = events(pool, username);
        assertThat(events.get(0).eventResponse()).isEqualTo(EventResponseType.IN_PROGRESS);
        assertThat(events.get(0).eventRisk().riskLevel()).isEqualTo(RiskLevelType.MEDIUM);
    }

    @Test
    void userContextDataWhenTheClientHasASecretThenItsAddressIsBelievedAndAPublicClientMayNotAskForIt()
            throws Exception {
        Pool pool = pool("risk-context", AdvancedSecurityModeType.ENFORCED);
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool.id()).clientName("public")
                .enablePropagateAdditionalUserContextData(true)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("client secret");
        assertThatThrownBy(() -> cognito.updateUserPoolClient(r -> r.userPoolId(pool.id()).clientId(pool.clientId())
                .enablePropagateAdditionalUserContextData(true)))
                .isInstanceOf(InvalidParameterException.class);
        var confidential = cognito.createUserPoolClient(r -> r.userPoolId(pool.id()).clientName("backend")
                .generateSecret(true).enablePropagateAdditionalUserContextData(true)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
        assertThat(confidential.enablePropagateAdditionalUserContextData()).isTrue();
        String username = user(pool, "context-" + UUID.randomUUID() + "@example.com");
        String hash = Clients.secretHash(confidential.clientSecret(), username, confidential.clientId());
        String reported = address("198.51.100");

        // The app with the secret reports its user's address: the event shows it.
        assertThat(cognito.initiateAuth(r -> r.clientId(confidential.clientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD, "SECRET_HASH", hash))
                .userContextData(u -> u.ipAddress(reported))).authenticationResult()).isNotNull();
        assertThat(events(pool, username).get(0).eventContextData().ipAddress()).isEqualTo(reported);

        // The public client's report is not believed: the request's own address is used.
        assertThat(cognito.initiateAuth(r -> r.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))
                .userContextData(u -> u.ipAddress("192.0.2.1"))).authenticationResult()).isNotNull();
        assertThat(events(pool, username).get(0).eventContextData().ipAddress()).isNotEqualTo("192.0.2.1");

        // Nor is anything but an address literal, even from a backend.
        assertThat(signIn(pool, username, PASSWORD, "attacker.example.com", LAPTOP).authenticationResult())
                .isNotNull();
        assertThat(events(pool, username).get(0).eventContextData().ipAddress())
                .isNotEqualTo("attacker.example.com");
    }

    @Test
    void userFeedbackWhenTheUserDoesNotExistThenAnsweredAsAWrongTokenIs() {
        Pool pool = pool("risk-feedback-unknown", AdvancedSecurityModeType.ENFORCED);
        assertThatThrownBy(() -> cognito.updateAuthEventFeedback(r -> r.userPoolId(pool.id())
                .username("nobody-" + UUID.randomUUID()).eventId(UUID.randomUUID().toString())
                .feedbackToken("forged-token").feedbackValue(FeedbackValueType.VALID)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("feedback token is not valid");
    }
}
