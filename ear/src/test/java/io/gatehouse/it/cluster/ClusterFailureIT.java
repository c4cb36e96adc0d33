package io.gatehouse.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cluster.CognitoHttp.Answer;
import io.gatehouse.it.cluster.CognitoHttp.Verdict;
import io.gatehouse.it.cluster.SignInLoad.Device;
import io.gatehouse.it.cluster.SignInLoad.Issued;
import io.gatehouse.it.cluster.SignInLoad.Tally;
import io.gatehouse.it.cognito.HostedForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatehouse as a cluster, and its failures: two nodes behind HAProxy on a PostgreSQL primary with a synchronous hot
 * standby, all made by the scripts a developer uses (see {@link LocalCluster}), with a load of sign-ins and
 * refreshes through the balancer while PostgreSQL restarts, while it fails over to the standby, and while a node
 * is killed; and the agreements between nodes: a sign-out on one ends the sign-in on the other, a key rotated on one
 * is published by the other, a sign-in begun on a node that died is finished on the survivor. The figures (requests,
 * failures by kind, windows) are printed with a {@code [cluster]} prefix for CI's log.
 *
 * <p>The tests run in order on one cluster: the key rotation is watched from the start while the database
 * scenarios run, and the node is killed last. Only ear's {@code it-cluster} execution gives the cluster's settings;
 * the other suites' executions pass it by (they meet it only when {@code -Dit.test} names it).
 */
@EnabledIfSystemProperty(named = "gatehouse.it.cluster.dir", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailureIT {

    private static final String PASSWORD = "Cluster-Passw0rd-for-tests";
    private static final String CALLBACK = "http://localhost:3000/callback";
    private static final int USERS = 24;
    private static final int LOAD_THREADS = 4;
    /** SigningKeys keeps each owner's keys for a minute on each node: the bound on a new key reaching the JWKS. */
    private static final Duration KEY_CACHE = Duration.ofMinutes(1);

    private static final LocalCluster cluster = new LocalCluster();
    private static final CognitoHttp http = new CognitoHttp();
    private static final List<Issued> issued = Collections.synchronizedList(new ArrayList<>());
    private static final List<Device> devices = Collections.synchronizedList(new ArrayList<>());
    private static CognitoIdentityProviderClient admin;
    private static String poolId;
    private static String clientId;
    private static UserPoolClientType web;
    private static List<String> users;
    private static CompletableFuture<String> rotation;

    @BeforeAll
    static void cluster() throws Exception {
        long started = System.nanoTime();
        cluster.createDatabase();
        cluster.start(List.of(
                "-XX:TieredStopAtLevel=1",
                // The cheapest hash: what is measured is the cluster, not Argon2 on two cores.
                "-Dgatehouse.spi.user-store.jdbc.argon2.memory-kib=8",
                "-Dgatehouse.spi.user-store.jdbc.argon2.iterations=1",
                // A key is due for a successor 40 s after it starts signing, so the suite sees a rotation; the
                // successor is published 90 s before it signs, longer than any node keeps an older key set.
                "-Dgatehouse.token.key-rotation-period=PT40S",
                "-Dgatehouse.token.key-publish-lead=PT90S"));
        System.out.printf("[cluster] PostgreSQL pair and %d nodes ready in %.1f s%n", LocalCluster.NODES,
                (System.nanoTime() - started) / 1e9);
        admin = Gatehouse.adminClient();
        rotation = CompletableFuture.supplyAsync(ClusterFailureIT::watchRotation);
        // Every sign-in is given a device, remembered once confirmed.
        poolId = admin.createUserPool(r -> r.poolName("cluster").deviceConfiguration(d -> d
                .challengeRequiredOnNewDevice(false).deviceOnlyRememberedOnUserPrompt(false))).userPool().id();
        clientId = admin.createUserPoolClient(r -> r.userPoolId(poolId).clientName("load").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        web = admin.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web").generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient();
        users = IntStream.range(0, USERS).mapToObj(i -> "load-" + i).toList();
        for (String user : users) {
            admin.adminCreateUser(r -> r.userPoolId(poolId).username(user).messageAction(MessageActionType.SUPPRESS));
            admin.adminSetUserPassword(r -> r.userPoolId(poolId).username(user).password(PASSWORD).permanent(true));
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (admin != null) {
            admin.close();
        }
        try {
            cluster.stop();
        } finally {
            cluster.dropDatabase();
        }
    }

    @Test
    @Order(1)
    void aGlobalSignOutOnOneNodeEndsTheSignInOnTheOtherAtOnce() {
        Answer signedIn = http.signIn(cluster.node(1), clientId, users.get(0), PASSWORD);
        assertThat(signedIn.verdict()).as(signedIn.kind()).isEqualTo(Verdict.OK);
        String accessOnA = signedIn.result().path("AccessToken").asText();
        String refreshToken = signedIn.result().path("RefreshToken").asText();
        Answer refreshed = http.refresh(cluster.node(2), clientId, refreshToken);
        assertThat(refreshed.verdict()).as("a sign-in made on node1 refreshed on node2: " + refreshed.kind())
                .isEqualTo(Verdict.OK);
        assertThat(getUser(1, accessOnA).verdict()).isEqualTo(Verdict.OK);

        Answer signedOut = http.call(cluster.node(2), "GlobalSignOut",
                Map.of("AccessToken", refreshed.result().path("AccessToken").asText()));
        assertThat(signedOut.verdict()).as(signedOut.kind()).isEqualTo(Verdict.OK);
        long signedOutAt = signedOut.endedAt();

        // Immediate, not bounded by a cache: every access token's sign-in is looked up in the database (EndedSignIns).
        Answer afterwards = getUser(1, accessOnA);
        assertThat(afterwards.kind()).as("node1's first answer after node2's global sign-out")
                .isEqualTo("400 NotAuthorizedException: Access Token has been revoked");
        assertThat(http.refresh(cluster.node(1), clientId, refreshToken).kind())
                .isEqualTo("400 NotAuthorizedException: Refresh Token has been revoked");
        System.out.printf("[cluster] global sign-out on node2: node1 refused the access token at its first use,"
                + " %d ms later%n", (afterwards.endedAt() - signedOutAt) / 1_000_000);
    }

    @Test
    @Order(2)
    void postgresqlRestartedUnderLoadCostsOnlyRetryableErrorsAndNothingCommitted() throws Exception {
        SignInLoad load = new SignInLoad(http, cluster.balancer(), clientId, users, PASSWORD).start(LOAD_THREADS);
        long started = System.nanoTime();
        Thread.sleep(4000);
        long stoppedAt = System.nanoTime();
        cluster.database("stop-primary");
        Thread.sleep(3000);
        cluster.database("start-primary");
        long restartedAt = System.nanoTime();
        Tally tally = runUntilServedAgain(load, restartedAt);
        issued.addAll(load.issued());
        devices.addAll(load.devices());
        System.out.println(tally.summary("PostgreSQL stopped 3 s and restarted", seconds(started)));
        System.out.printf("[cluster] PostgreSQL restart: no request succeeded for %d ms (failures over %d ms);"
                        + " served again %d ms after the restart%n", tally.longestWithoutSuccess(stoppedAt).toMillis(),
                tally.failureWindow(stoppedAt).toMillis(), tally.firstSuccessAfter(restartedAt).toMillis());

        assertThat(tally.wrong()).as("answers that are not an error a client retries").isEmpty();
        assertThat(tally.firstSuccessAfter(restartedAt)).as("the nodes recover by themselves")
                .isLessThan(Duration.ofSeconds(30));
        assertNothingLost(load.issued());
    }

    @Test
    @Order(3)
    void theStandbyPromotedUnderLoadHasEveryCommittedUserAndToken() throws Exception {
        SignInLoad load = new SignInLoad(http, cluster.balancer(), clientId, users, PASSWORD).start(LOAD_THREADS);
        long started = System.nanoTime();
        Thread.sleep(4000);
        long failedAt = System.nanoTime();
        cluster.database("stop-primary");
        // An operator's (or a fail-over manager's) second to notice.
        Thread.sleep(1000);
        cluster.database("promote");
        long promotedAt = System.nanoTime();
        Tally tally = runUntilServedAgain(load, promotedAt);
        issued.addAll(load.issued());
        devices.addAll(load.devices());
        System.out.println(tally.summary("primary stopped, standby promoted", seconds(started)));
        Duration window = tally.longestWithoutSuccess(failedAt);
        System.out.printf("[cluster] fail-over window: no sign-in or refresh succeeded for %d ms after the primary"
                        + " stopped (failures over %d ms; the standby was promoted %d ms after the stop, served"
                        + " again %d ms after that)%n", window.toMillis(), tally.failureWindow(failedAt).toMillis(),
                (promotedAt - failedAt) / 1_000_000, tally.firstSuccessAfter(promotedAt).toMillis());

        assertThat(tally.wrong()).as("answers that are not an error a client retries").isEmpty();
        assertThat(window).as("served again from the promoted standby").isLessThan(Duration.ofSeconds(30));
        assertThat(tally.firstSuccessAfter(promotedAt)).as("requests begun after the promotion are served")
                .isLessThan(Duration.ofSeconds(30));
        // Every refresh token the load was handed before and during the fail-over, and every one of earlier phases:
        // committed on the primary, so on the synchronous standby too.
        assertNothingLost(List.copyOf(issued));
    }

    @Test
    @Order(4)
    void aKeyRotatedOnOneNodeIsPublishedByTheOtherWithinAMinute() throws Exception {
        String figures = rotation.get(3, TimeUnit.MINUTES);
        System.out.println("[cluster] " + figures);
    }

    @Test
    @Order(5)
    void aNodeWithAnotherDataKeyIsRefusedAtStartAndTheClusterGoesOn() throws Exception {
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);

        java.util.Optional<String> log = cluster.startStranger(java.util.Base64.getEncoder().encodeToString(otherKey));

        assertThat(log).as("the node did not start").isPresent();
        assertThat(log.get()).contains("is not the one this database's secrets are sealed with")
                .contains("GATEHOUSE_DATA_KEY").doesNotContain(java.util.Base64.getEncoder().encodeToString(otherKey));
        System.out.println("[cluster] a node with another data key: refused at start: " + log.get().lines()
                .filter(l -> l.contains("is not the one")).findFirst().orElse("")
                .replaceAll("^.*(This node's data key.*The node does not start\\.).*$", "$1"));
        Answer signedIn = http.signIn(cluster.balancer(), clientId, users.get(0), PASSWORD);
        assertThat(signedIn.verdict()).as("the cluster still signs in: " + signedIn.kind()).isEqualTo(Verdict.OK);
    }

    @Test
    @Order(6)
    void aNodeKilledUnderLoadCostsUnderOnePercentRetryableErrorsAndTheSurvivorFinishesItsSignIns() throws Exception {
        // Begun on node1: a challenge session, a hosted UI session and an authorization code.
        String invited = "invited";
        admin.adminCreateUser(r -> r.userPoolId(poolId).username(invited).temporaryPassword("Temp-Passw0rd-1")
                .messageAction(MessageActionType.SUPPRESS));
        Answer challenged = http.call(cluster.node(1), "InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH",
                "ClientId", clientId, "AuthParameters", Map.of("USERNAME", invited, "PASSWORD", "Temp-Passw0rd-1")));
        assertThat(challenged.body().path("ChallengeName").asText()).as(challenged.kind())
                .isEqualTo("NEW_PASSWORD_REQUIRED");
        HostedForm browser = new HostedForm();
        String codeFromA = hostedSignIn(browser, cluster.node(1));

        SignInLoad load = new SignInLoad(http, cluster.balancer(), clientId, users, PASSWORD).start(LOAD_THREADS);
        long started = System.nanoTime();
        Thread.sleep(4000);
        long killedAt = System.nanoTime();
        cluster.kill(1);
        // Ten seconds on the survivor: the share of failures is taken over the phase, as a client's error rate is.
        Thread.sleep(10000);
        Tally tally = load.stop();
        issued.addAll(load.issued());
        devices.addAll(load.devices());
        System.out.println(tally.summary("node1 killed with SIGKILL", seconds(started)));
        System.out.printf("[cluster] node1 killed: %d of %d requests failed (%.2f%%), over %d ms%n", tally.failed(),
                tally.requests(), 100.0 * tally.failed() / tally.requests(), tally.failureWindow(killedAt).toMillis());

        assertThat(tally.wrong()).as("answers that are not an error a client retries").isEmpty();
        assertThat((double) tally.failed() / tally.requests()).as("the share of requests that failed").isLessThan(0.01);

        URI survivor = cluster.node(2);
        Answer answered = http.call(survivor, "RespondToAuthChallenge", Map.of("ChallengeName",
                "NEW_PASSWORD_REQUIRED", "ClientId", clientId, "Session", challenged.body().path("Session").asText(),
                "ChallengeResponses", Map.of("USERNAME", invited, "NEW_PASSWORD", "New-Passw0rd-2")));
        assertThat(answered.verdict()).as("node1's challenge answered on node2: " + answered.kind())
                .isEqualTo(Verdict.OK);
        assertThat(redeem(survivor, codeFromA).statusCode()).as("node1's authorization code redeemed at node2")
                .isEqualTo(200);
        HttpResponse<String> again = browser.get(survivor + "/oauth2/authorize?" + authorizeQuery());
        assertThat(again.statusCode()).as("node1's hosted UI session on node2: " + again.body()).isEqualTo(302);
        String location = again.headers().firstValue("Location").orElseThrow();
        assertThat(location).as("signed in by the session, no login page").startsWith(CALLBACK + "?code=");
        assertThat(redeem(survivor, HostedForm.parameter(location, "code")).statusCode()).isEqualTo(200);

        assertNothingLost(List.copyOf(issued));
    }

    /**
     * Lets the load run until a request begun after {@code since} (the fault's end) succeeds, at most a minute, then
     * 3 s more.
     */
    private static Tally runUntilServedAgain(SignInLoad load, long since) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Tally sofar = null;
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            sofar = load.peek();
            if (sofar.firstSuccessAfter(since).compareTo(Duration.ofDays(1)) < 0) {
                break;
            }
        }
        Thread.sleep(3000);
        return load.stop();
    }

    /**
     * Every refresh token handed out still refreshes, and every user still signs in, through the balancer (errors
     * a client retries are retried, as a client would).
     */
    private static void assertNothingLost(List<Issued> tokens) throws Exception {
        long started = System.nanoTime();
        ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(LOAD_THREADS);
        try {
            List<CompletableFuture<Void>> checks = new ArrayList<>();
            for (Issued token : tokens) {
                checks.add(CompletableFuture.runAsync(() -> {
                    Answer a = retried(() -> http.refresh(cluster.balancer(), clientId, token.refreshToken()));
                    if (a.verdict() != Verdict.OK) {
                        lost.add("refresh token of " + token.username() + ": " + a.kind());
                    }
                }, pool));
            }
            for (Device device : List.copyOf(devices)) {
                checks.add(CompletableFuture.runAsync(() -> {
                    String lostWhy = deviceLost(device);
                    if (lostWhy != null) {
                        lost.add("device " + device.deviceKey() + " of " + device.username() + ": " + lostWhy);
                    }
                }, pool));
            }
            for (String user : users) {
                checks.add(CompletableFuture.runAsync(() -> {
                    Answer a = retried(() -> http.signIn(cluster.balancer(), clientId, user, PASSWORD));
                    if (a.verdict() != Verdict.OK) {
                        lost.add("user " + user + ": " + a.kind());
                    }
                }, pool));
            }
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[cluster] checked %d refresh tokens, %d devices and %d users in %.1f s: %d lost%n",
                tokens.size(), devices.size(), users.size(), seconds(started), lost.size());
        assertThat(lost).as("refresh tokens, devices and users lost").isEmpty();
    }

    /** Null when AdminGetDevice finds the device (retried while it fails retryably); else why not. */
    private static String deviceLost(Device device) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                admin.adminGetDevice(r -> r.userPoolId(poolId).username(device.username())
                        .deviceKey(device.deviceKey()));
                return null;
            } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                if (e.statusCode() < 500 || System.nanoTime() > deadline) {
                    return e.awsErrorDetails().errorCode();
                }
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                if (System.nanoTime() > deadline) {
                    return e.getMessage();
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    private static Answer retried(java.util.function.Supplier<Answer> call) {
        try {
            return http.withRetries(30, call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer getUser(int node, String accessToken) {
        return http.call(cluster.node(node), "GetUser", Map.of("AccessToken", accessToken));
    }

    private static String authorizeQuery() {
        return HostedForm.encode(Map.of("client_id", web.clientId(), "response_type", "code",
                "redirect_uri", CALLBACK, "scope", "openid"));
    }

    /** Signs in on the hosted UI of {@code node}; the authorization code it issues, not yet redeemed. */
    private static String hostedSignIn(HostedForm browser, URI node) throws Exception {
        HttpResponse<String> authorize = browser.get(node + "/oauth2/authorize?" + authorizeQuery());
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String login = onNode(node, authorize.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = browser.get(login);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> signedIn = browser.post(login, Map.of("_csrf", HostedForm.csrf(page),
                "username", users.get(1), "password", PASSWORD));
        String location = signedIn.headers().firstValue("Location").orElse("");
        assertThat(location).as(signedIn.statusCode() + " " + signedIn.body()).startsWith(CALLBACK + "?code=");
        return HostedForm.parameter(location, "code");
    }

    /** A link the node gave (relative, or absolute on the balancer's base URL) followed on that node itself. */
    private static String onNode(URI node, String location) {
        URI link = URI.create(location);
        return node + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    private static HttpResponse<String> redeem(URI node, String code) throws Exception {
        String basic = Base64.getEncoder().encodeToString((web.clientId() + ":" + web.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(HostedForm.encode(Map.of("grant_type",
                        "authorization_code", "code", code, "redirect_uri", CALLBACK)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A pool of its own, whose keys only this watch asks for, directly at each node: node1 loads the pool's keys
     * at once, node2 10 s later (both before the key is due for a successor, 40 s, even if a database scenario
     * running meanwhile delays node2's answer); node1, asked again once its
     * minute is up, finds the key due and publishes a successor; node2 publishes it when its own minute is up. The
     * figure is how long node2 lagged; the bound is the minute each node keeps a key set.
     */
    private static String watchRotation() {
        try {
            String pool = admin.createUserPool(r -> r.poolName("rotation")).userPool().id();
            long t0 = System.nanoTime();
            Set<String> initial = kids(1, pool);
            sleepUntil(t0, Duration.ofSeconds(10));
            assertThat(kids(2, pool)).as("node2's first look").isEqualTo(initial);
            sleepUntil(t0, KEY_CACHE);
            Set<String> onA;
            do {
                Thread.sleep(250);
                onA = kids(1, pool);
            } while (onA.equals(initial) && System.nanoTime() - t0 < Duration.ofMinutes(3).toNanos());
            long rotatedAt = System.nanoTime();
            assertThat(onA).as("node1 published a successor").isNotEqualTo(initial);
            Set<String> fresh = new HashSet<>(onA);
            fresh.removeAll(initial);
            boolean bLagged = !kids(2, pool).containsAll(fresh);
            while (!kids(2, pool).containsAll(fresh)
                    && System.nanoTime() - rotatedAt < KEY_CACHE.plusSeconds(30).toNanos()) {
                Thread.sleep(250);
            }
            Duration lag = Duration.ofNanos(System.nanoTime() - rotatedAt);
            assertThat(kids(2, pool)).as("node2's JWKS").containsAll(fresh);
            // The minute of node2's cache, and the failed requests of a database scenario running meanwhile.
            assertThat(lag).as("node2's lag behind node1").isLessThan(KEY_CACHE.plusSeconds(15));
            return String.format("key rotation: node1 published %s %.1f s after the pool's keys were loaded; node2"
                            + " published it %d ms later (%s; bound: %d s, each node's key cache)", fresh,
                    (rotatedAt - t0) / 1e9, lag.toMillis(), bLagged ? "its cached set lagged" : "at once",
                    KEY_CACHE.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The key ids a node's JWKS of the pool lists; tried again while the node cannot answer (a database scenario). */
    private static Set<String> kids(int node, String pool) throws InterruptedException {
        URI jwks = cluster.node(node).resolve("/" + pool + "/.well-known/jwks.json");
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(jwks)
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    Set<String> kids = new HashSet<>();
                    for (JsonNode key : CognitoHttp.JSON.readTree(response.body()).path("keys")) {
                        kids.add(key.path("kid").asText());
                    }
                    return kids;
                }
            } catch (java.io.IOException e) {
                // The node is down or the database away; asked again below.
            }
            if (attempt > 200) {
                throw new IllegalStateException("node" + node + " does not serve " + jwks);
            }
            Thread.sleep(250);
        }
    }

    private static void sleepUntil(long t0, Duration after) throws InterruptedException {
        long left = t0 + after.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
