package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.api.testing.Totp;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Brute-force protection through real clients: the per-user lock ("Password attempts exceeded") as the AWS SDK and
 * amazon-cognito-identity-js see it, its end, its reset by a success, a burst of guesses at once counted one by
 * one, the same answers for a name that does not exist (in another case too), an unknown name locking also where
 * the client tells who exists, ChangePassword's previous password and an authenticator's codes locking too; the
 * per-address bucket of failed guesses (TooManyRequestsException, 429 at the token endpoint, one per IPv6 /64),
 * which stops a spray over many names before any of their users is locked.
 *
 * <p>The test servers trust 127.0.0.1 as a proxy and exempt it from the per-address bucket (so the other suites'
 * deliberate failures never add up); the tests here that need the bucket come "through" that proxy from an address
 * of their own, with {@code X-Forwarded-For}. The servers also make the first lock 3 seconds (1 by default), so a
 * slow machine does not see it end before the test looks; the rest are the defaults: five failures, then the lock;
 * a bucket of 100 failures.
 */
class BruteForceIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";
    private static final String WRONG = "Wrong-Horse-9";
    private static final String LOCKED = "Password attempts exceeded";
    private static final long FIRST_LOCK_MILLIS = 3_000;
    private static final int BUCKET = 100;
    private static final URI TOKEN = Gatehouse.ENDPOINT.resolve("/oauth2/token");

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("brute-force")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
        // Only users who turn an authenticator on are asked for its code.
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    /** An address of the test's own, in a private range, so no other test (nor an earlier run) has spent its bucket. */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A client whose calls come from {@code address} through the trusted proxy. */
    private static CognitoIdentityProviderClient from(String address) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(Gatehouse.ENDPOINT)
                .region(Gatehouse.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Gatehouse.ADMIN_KEY,
                        Gatehouse.ADMIN_SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                // One attempt: the SDK retries throttling by default, which would hide the answer under test.
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))
                        .putHeader("X-Forwarded-For", address))
                .build();
    }

    private static String confirmedUser(String email) {
        String username = "user-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction("SUPPRESS")
                .userAttributes(a -> a.name("email").value(email), a -> a.name("email_verified").value("true")));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    private static AuthenticationResultType signIn(CognitoIdentityProviderClient client, String username,
                                                   String password) {
        return client.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    private static AuthenticationResultType signIn(CognitoIdentityProviderClient client, String appClientId,
                                                   String username, String password) {
        return client.initiateAuth(r -> r.clientId(appClientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))).authenticationResult();
    }

    /** The error's type and message, or "signed in". */
    private static String answer(Supplier<?> call) {
        try {
            call.get();
            return "signed in";
        } catch (CognitoIdentityProviderException e) {
            return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        }
    }

    @Test
    void passwordWhenWrongFiveTimesThenLockedEvenForTheRightOneUntilTheLockEnds() throws Exception {
        String username = confirmedUser("lock-" + UUID.randomUUID() + "@example.com");
        try (CognitoIdentityProviderClient client = from(address())) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> signIn(client, username, WRONG)).isInstanceOf(NotAuthorizedException.class)
                        .hasMessageContaining("Incorrect username or password.");
            }
            long fifth = System.currentTimeMillis();

            assertThatThrownBy(() -> signIn(client, username, PASSWORD)).isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining(LOCKED);
            assertThatThrownBy(() -> cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))))
                    .as("the lock is the user's, whichever flow and whichever address")
                    .isInstanceOf(NotAuthorizedException.class).hasMessageContaining(LOCKED);

            // Attempts during the lock are not counted, so it ends on time: the right password then signs in.
            AuthenticationResultType result = null;
            while (result == null) {
                try {
                    result = signIn(client, username, PASSWORD);
                } catch (NotAuthorizedException e) {
                    assertThat(e.getMessage()).contains(LOCKED);
                    assertThat(System.currentTimeMillis() - fifth).as("the lock should have ended by now")
                            .isLessThan(FIRST_LOCK_MILLIS + 5_000);
                    Thread.sleep(250);
                }
            }
            assertThat(System.currentTimeMillis() - fifth).isGreaterThanOrEqualTo(FIRST_LOCK_MILLIS);
            assertThat(result.accessToken()).isNotBlank();
        }
    }

    @Test
    void passwordWhenASuccessComesBetweenFailuresThenTheCountStartsAgain() {
        String username = confirmedUser("reset-" + UUID.randomUUID() + "@example.com");
        try (CognitoIdentityProviderClient client = from(address())) {
            List<String> answers = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 4; i++) {
                    answers.add(answer(() -> signIn(client, username, WRONG)));
                }
                answers.add(answer(() -> signIn(client, username, PASSWORD)));
            }
            assertThat(answers).containsExactly(
                    "NotAuthorizedException: Incorrect username or password.",
                    "NotAuthorizedException: Incorrect username or password.",
                    "NotAuthorizedException: Incorrect username or password.",
                    "NotAuthorizedException: Incorrect username or password.",
                    "signed in",
                    "NotAuthorizedException: Incorrect username or password.",
                    "NotAuthorizedException: Incorrect username or password.",
                    "NotAuthorizedException: Incorrect username or password.",
                    "NotAuthorizedException: Incorrect username or password.",
                    "signed in");
        }
    }

    @Test
    void passwordWhenTheNameDoesNotExistThenTheSameAnswersAsForARealUser() {
        String real = confirmedUser("real-" + UUID.randomUUID() + "@example.com");
        String unknown = "nobody-" + UUID.randomUUID();
        try (CognitoIdentityProviderClient client = from(address())) {
            List<String> forReal = new ArrayList<>();
            List<String> forUnknown = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                forReal.add(answer(() -> signIn(client, real, WRONG)));
                forUnknown.add(answer(() -> signIn(client, unknown, WRONG)));
            }
            assertThat(forUnknown).isEqualTo(forReal);
            assertThat(forReal.get(4)).isEqualTo("NotAuthorizedException: Incorrect username or password.");
            assertThat(forReal.get(5)).isEqualTo("NotAuthorizedException: " + LOCKED);
        }
    }

    @Test
    void passwordWhenTenWrongOnesArriveAtOnceThenNoMoreThanFiveAreChecked() throws Exception {
        String username = confirmedUser("burst-" + UUID.randomUUID() + "@example.com");
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try (CognitoIdentityProviderClient client = from(address())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> burst = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                burst.add(threads.submit(() -> {
                    start.await();
                    return answer(() -> signIn(client, username, WRONG));
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : burst) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            // One attempt per user at a time: each reads the count the one before wrote, so the lock closes on the
            // fifth failure even inside a burst (a wait too long for the one in flight is answered as locked too).
            assertThat(answers).filteredOn(a -> a.endsWith("Incorrect username or password.")).hasSizeBetween(1, 5);
            assertThat(answers).filteredOn(a -> !a.endsWith("Incorrect username or password."))
                    .containsOnly("NotAuthorizedException: " + LOCKED).hasSizeGreaterThanOrEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void unknownNameWhenGuessedInAnotherCaseThenTheSameAnswersAsForARealUserOfACaseSensitivePool() {
        String preventing = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("hiding")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)).userPoolClient().clientId();
        String real = confirmedUser("case-" + UUID.randomUUID() + "@example.com");
        String unknown = "nobody-" + UUID.randomUUID();
        try (CognitoIdentityProviderClient client = from(address())) {
            List<List<String>> answers = new ArrayList<>();
            for (String name : List.of(real, unknown)) {
                List<String> forName = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    forName.add(answer(() -> signIn(client, preventing, name.toUpperCase(Locale.ROOT), WRONG)));
                }
                // The pool is case-sensitive: the real name in its own case is another user than the upper-case
                // one, so it is not locked; a made-up name must not be either, or the lock tells who exists.
                forName.add(answer(() -> signIn(client, preventing, name, WRONG)));
                answers.add(forName);
            }
            assertThat(answers.get(1)).isEqualTo(answers.get(0));
            assertThat(answers.get(0).get(5)).isEqualTo("NotAuthorizedException: Incorrect username or password.");
        }
    }

    @Test
    void unknownNameWhenTheClientTellsWhoExistsThenItsGuessesLockTooForTheMigrationTrigger() {
        String telling = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("telling")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.LEGACY)).userPoolClient().clientId();
        String unknown = "nobody-" + UUID.randomUUID();
        try (CognitoIdentityProviderClient client = from(address())) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(answer(() -> signIn(client, telling, unknown, WRONG)));
            }
            // A UserMigration trigger would check each of these passwords against the legacy store.
            assertThat(answers.subList(0, 5)).containsOnly("UserNotFoundException: User does not exist.");
            assertThat(answers.get(5)).isEqualTo("NotAuthorizedException: " + LOCKED);
        }
    }

    @Test
    void changePasswordWhenThePreviousOneIsGuessedThenTheUserLocksAsAtSignIn() {
        String username = confirmedUser("change-" + UUID.randomUUID() + "@example.com");
        try (CognitoIdentityProviderClient client = from(address())) {
            String access = signIn(client, username, PASSWORD).accessToken();
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String previous = i < 5 ? WRONG : PASSWORD;
                answers.add(answer(() -> client.changePassword(r -> r.accessToken(access)
                        .previousPassword(previous).proposedPassword("Changed-Horse-9"))));
            }
            assertThat(answers.subList(0, 5)).containsOnly("NotAuthorizedException: Incorrect username or password.");
            assertThat(answers.get(5)).as("the right previous password, while locked")
                    .isEqualTo("NotAuthorizedException: " + LOCKED);
            assertThat(answer(() -> signIn(client, username, PASSWORD))).as("the same lock as the sign-in's")
                    .isEqualTo("NotAuthorizedException: " + LOCKED);
        }
    }

    @Test
    void authenticatorCodesWhenGuessedAcrossSignInsThenLockedThoughThePasswordStillWorks() throws Exception {
        String username = confirmedUser("totp-" + UUID.randomUUID() + "@example.com");
        try (CognitoIdentityProviderClient client = from(address())) {
            String access = signIn(client, username, PASSWORD).accessToken();
            String secret = client.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
            client.verifySoftwareToken(r -> r.accessToken(access).userCode(Totp.code(secret, Instant.now())));
            client.setUserMFAPreference(r -> r.accessToken(access)
                    .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
            // The next step's code: the one the set-up used is spent.
            String code = Totp.code(secret, Instant.now().plusSeconds(30));
            String wrong = code.substring(0, 5) + (char) ('0' + (code.charAt(5) - '0' + 1) % 10);

            // One challenge takes three wrong codes before it ends; the user's lock counts across challenges.
            List<String> answers = new ArrayList<>();
            for (int wrongs : new int[]{3, 2}) {
                String session = mfaChallenge(client, username);
                for (int i = 0; i < wrongs; i++) {
                    answers.add(answer(() -> answerMfa(client, session, username, wrong)));
                }
            }
            long fifth = System.currentTimeMillis();
            assertThat(answers).containsOnly("CodeMismatchException: Invalid code received for user");

            assertThat(answer(() -> answerMfa(client, mfaChallenge(client, username), username, code)))
                    .as("the right code while locked; the password before it was accepted")
                    .isEqualTo("NotAuthorizedException: " + LOCKED);

            Thread.sleep(Math.max(0, fifth + FIRST_LOCK_MILLIS + 500 - System.currentTimeMillis()));
            assertThat(answerMfa(client, mfaChallenge(client, username), username, code).accessToken())
                    .as("after the lock").isNotBlank();
        }
    }

    /** Signs in with the password up to the authenticator's challenge; returns its session. */
    private static String mfaChallenge(CognitoIdentityProviderClient client, String username) {
        var challenged = client.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)));
        assertThat(challenged.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        return challenged.session();
    }

    private static AuthenticationResultType answerMfa(CognitoIdentityProviderClient client, String session,
                                                      String username, String code) {
        return client.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.SOFTWARE_TOKEN_MFA).session(session)
                .challengeResponses(Map.of("USERNAME", username, "SOFTWARE_TOKEN_MFA_CODE", code)))
                .authenticationResult();
    }

    @Test
    void sprayWhenEachGuessComesFromAnotherAddressOfOneIpv6NetworkThenTheNetworkIsThrottled() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // A /64 of the documentation prefix of the test's own; each guess from another address in it.
        String network = "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + ":"
                + Integer.toHexString(random.nextInt(0x10000)) + ":";
        int failures = 0;
        TooManyRequestsException throttled = null;
        for (int i = 0; throttled == null && i < 2 * BUCKET; i++) {
            String address = network + Integer.toHexString(1 + i) + ":0:0:"
                    + Integer.toHexString(random.nextInt(0x10000));
            try (CognitoIdentityProviderClient client = from(address)) {
                signIn(client, "sprayed-" + UUID.randomUUID(), WRONG);
                throw new AssertionError("a wrong password signed in");
            } catch (NotAuthorizedException e) {
                failures++;
            } catch (TooManyRequestsException e) {
                throttled = e;
            }
        }
        assertThat(throttled).as("the /64 is throttled as one address").isNotNull();
        assertThat(failures).isBetween(BUCKET, BUCKET + 10);
        try (CognitoIdentityProviderClient client = from("::ffff:" + address())) {
            assertThatThrownBy(() -> signIn(client, "sprayed-" + UUID.randomUUID(), WRONG))
                    .as("another network (an IPv4 address written as IPv6) has a bucket of its own")
                    .isInstanceOf(NotAuthorizedException.class);
        }
    }

    @Test
    void sprayWhenWrongPasswordsGoToManyNamesThenTooManyRequestsBeforeAnyUserIsLocked() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(confirmedUser("spray-" + UUID.randomUUID() + "@example.com"));
        }
        String attacker = address();
        int failures = 0;
        try (CognitoIdentityProviderClient client = from(attacker)) {
            TooManyRequestsException throttled = null;
            // Each real user is tried four times (one short of a lock) among a stream of made-up names.
            for (int i = 0; throttled == null && i < 2 * BUCKET; i++) {
                String name = i % 10 < 4 && i / 10 < users.size() ? users.get(i / 10) : "sprayed-" + i;
                try {
                    signIn(client, name, WRONG);
                    throw new AssertionError("a wrong password signed in");
                } catch (NotAuthorizedException e) {
                    assertThat(e.getMessage()).as("no name is locked by a spray").doesNotContain(LOCKED);
                    failures++;
                } catch (TooManyRequestsException e) {
                    throttled = e;
                }
            }
            assertThat(throttled).as("the address is throttled").isNotNull();
            // A full bucket, and perhaps a refill or two (one per 3 s) while the spray ran.
            assertThat(failures).isBetween(BUCKET, BUCKET + 10);
            assertThatThrownBy(() -> signIn(client, users.get(0), PASSWORD))
                    .as("the throttled address is refused even the right password")
                    .isInstanceOf(TooManyRequestsException.class);
        }
        try (CognitoIdentityProviderClient elsewhere = from(address())) {
            for (String user : users) {
                assertThat(signIn(elsewhere, user, PASSWORD).accessToken())
                        .as("the users themselves are not locked out").isNotBlank();
            }
        }
    }

    @Test
    void codesWhenGuessedThenTheCodeIsSpentAndASprayOfGuessesIsThrottled() throws Exception {
        String email = "code-" + UUID.randomUUID() + "@example.com";
        String username = confirmedUser(email);
        String attacker = address();
        try (CognitoIdentityProviderClient client = from(attacker)) {
            String code = Mailbox.nextCodeTo(MAIL, email, () -> client.forgotPassword(r -> r.clientId(clientId)
                    .username(username)));
            String wrong = code.equals("999999") ? "888888" : "999999";
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> client.confirmForgotPassword(r -> r.clientId(clientId).username(username)
                        .confirmationCode(wrong).password("New-Horse-9"))).isInstanceOf(CodeMismatchException.class);
            }
            assertThatThrownBy(() -> client.confirmForgotPassword(r -> r.clientId(clientId).username(username)
                    .confirmationCode(code).password("New-Horse-9")))
                    .as("the code is spent after five wrong guesses, the right one included")
                    .isInstanceOf(LimitExceededException.class);

            // Guessing confirmation codes across many names spends the address's bucket as passwords do.
            int failures = 5;
            TooManyRequestsException throttled = null;
            for (int i = 0; throttled == null && i < 2 * BUCKET; i++) {
                String name = "confirm-" + i + "-" + UUID.randomUUID();
                try {
                    client.confirmSignUp(r -> r.clientId(clientId).username(name).confirmationCode(wrong));
                    throw new AssertionError("a guessed code was accepted");
                } catch (TooManyRequestsException e) {
                    throttled = e;
                } catch (CognitoIdentityProviderException e) {
                    assertThat(e.awsErrorDetails().errorCode()).isIn("CodeMismatchException", "ExpiredCodeException");
                    failures++;
                }
            }
            assertThat(throttled).as("the address is throttled").isNotNull();
            assertThat(failures).isBetween(BUCKET, BUCKET + 10);
        }
    }

    private static HttpResponse<String> token(String address, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenEndpointWhenClientSecretsAreGuessedThen401sAnd429WithRetryAfter() throws Exception {
        String confidential = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("confidential")
                .generateSecret(true)).userPoolClient().clientId();
        String attacker = address();
        int unauthorized = 0;
        HttpResponse<String> throttled = null;
        for (int i = 0; throttled == null && i < 2 * BUCKET; i++) {
            HttpResponse<String> response = token(attacker, confidential, "guess-" + i);
            if (response.statusCode() == 429) {
                throttled = response;
            } else {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
                assertThat(response.body()).contains("\"invalid_client\"");
                unauthorized++;
            }
        }
        assertThat(throttled).as("the address is throttled").isNotNull();
        assertThat(unauthorized).isBetween(BUCKET, BUCKET + 10);
        assertThat(throttled.body()).contains("\"slow_down\"");
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3L);
        assertThat(token(address(), confidential, "guess").statusCode())
                .as("another address is not throttled").isEqualTo(401);
    }

    @Test
    void identityJsWhenPasswordGuessedFiveTimesThenPasswordAttemptsExceededUntilTheLockEnds() throws Exception {
        String srpClient = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web"))
                .userPoolClient().clientId();
        String username = confirmedUser("js-" + UUID.randomUUID() + "@example.com");

        JsonNode result = NodeScripts.run("cognito-js.mjs", poolId, srpClient, "lockout", username, PASSWORD,
                Long.toString(FIRST_LOCK_MILLIS + 1_000));

        assertThat(result.path("wrongPasswords").findValuesAsText("error")).as(result.toString())
                .containsExactly("NotAuthorizedException", "NotAuthorizedException", "NotAuthorizedException",
                        "NotAuthorizedException", "NotAuthorizedException");
        assertThat(result.path("whileLocked").path("error").asText()).as(result.toString())
                .isEqualTo("NotAuthorizedException");
        assertThat(result.path("whileLocked").path("message").asText()).isEqualTo(LOCKED);
        assertThat(result.path("afterTheLock").path("result").asText()).as(result.toString()).isEqualTo("signed in");
    }
}
