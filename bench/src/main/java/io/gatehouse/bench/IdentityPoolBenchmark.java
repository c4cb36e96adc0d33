package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * bench/identity-pools.sh's driver (issue 28's benchmark: reported, not a gate): GetId + GetCredentialsForIdentity
 * pairs per second with user-pool ID tokens, as an app's credential provider makes them (the AWS SDK's
 * {@code fromCognitoIdentityPool}: both calls unsigned, both carrying the login), beside GetUser with the same users'
 * access tokens on the same server in the same run: the cheapest call that checks one of the server's own tokens
 * and reads a row, so that a pair's cost reads as "so many GetUser calls". Commands:
 * <pre>
 *   load   --url URL --pid PID --admin-key K --admin-secret S --results FILE
 *          [--clients 8,32] [--seconds 10] [--rounds 3] [--warm-up 3] [--jit-warm-up 120] [--users 64]
 *   report FILE          (the same as AuthBenchmark's)
 * </pre>
 * Every answer is checked (an identity id; credentials with an {@code ASIA} key; the user's name), so an error
 * cannot pass for a fast answer.
 */
public final class IdentityPoolBenchmark {

    /** The pairs' label. */
    static final String PAIRS = "gatehouse identity-pool GetId+credentials";
    /** The bound's label. */
    static final String GET_USER = "gatehouse GetUser";

    private static final String IDENTITY_TARGET = "AWSCognitoIdentityService.";
    private static final String ROLE = "arn:aws:iam::123456789012:role/bench-users";

    private IdentityPoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("report")) {
            Report.print(Path.of(args[1]));
            return;
        }
        if (args.length == 0 || !args[0].equals("load")) {
            throw new IllegalArgumentException("usage: load --url URL ... | report FILE");
        }
        load(Options.parse(args, 1));
        System.exit(0); // HttpClient's threads
    }

    /** Each user's login for the identity pool and access token for GetUser. */
    private record Tokens(Map<String, String> logins, String accessToken) {
    }

    private static void load(Map<String, String> o) throws Exception {
        URI url = URI.create(Options.require(o, "url"));
        String adminKey = Options.require(o, "admin-key");
        String adminSecret = Options.require(o, "admin-secret");
        Path results = Path.of(Options.require(o, "results"));
        List<Integer> clientCounts = java.util.Arrays.stream(o.getOrDefault("clients", "8,32").split(","))
                .map(Integer::parseInt).toList();
        int users = Integer.parseInt(o.getOrDefault("users", "64"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "10")));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warm-up", "3")));
        Duration jitWarmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warm-up", "120")));
        ProcessCpu cpu = new ProcessCpu(Long.parseLong(Options.require(o, "pid")));

        GatehouseTarget userPool = new GatehouseTarget(url, adminKey, adminSecret);
        userPool.setUp(users);
        String provider = "cognito-idp.us-east-1.amazonaws.com/" + userPool.poolId();
        String identityPoolId;
        try (CognitoIdentityClient admin = CognitoIdentityClient.builder().endpointOverride(url)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(adminKey,
                        adminSecret))).build()) {
            identityPoolId = admin.createIdentityPool(r -> r.identityPoolName("bench")
                    .allowUnauthenticatedIdentities(false)
                    .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider)
                            .clientId(userPool.clientId()).build())).identityPoolId();
            admin.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId).roles(Map.of("authenticated", ROLE)));
        }
        Tokens[] tokens = new Tokens[users];
        for (int user = 0; user < users; user++) {
            JsonNode result = userPool.tokensOf(user);
            tokens[user] = new Tokens(Map.of(provider, result.path("IdToken").asText()),
                    result.path("AccessToken").asText());
        }
        System.out.printf("identity pool %s over user pool %s, %d users%n", identityPoolId, userPool.poolId(), users);

        IntFunction<IntFunction<LoadRun.Step>> pairs = clients -> LoadRun.cycling(users, clients,
                user -> pair(url, identityPoolId, tokens[user]));
        IntFunction<IntFunction<LoadRun.Step>> getUsers = clients -> LoadRun.cycling(users, clients, user -> {
            if (!userPool.getUser(tokens[user].accessToken()).equals(Users.name(user))) {
                throw new IOException("GetUser answered another user");
            }
        });
        int warmClients = clientCounts.get(0);
        Duration half = jitWarmUp.dividedBy(2);
        if (!half.isZero()) {
            System.out.println(LoadRun.run(PAIRS + " (JIT warm-up)", warmClients, Duration.ZERO, half, cpu,
                    pairs.apply(warmClients)).line());
            System.out.println(LoadRun.run(GET_USER + " (JIT warm-up)", warmClients, Duration.ZERO, half, cpu,
                    getUsers.apply(warmClients)).line());
        }
        for (int clients : clientCounts) {
            for (int round = 0; round < rounds; round++) {
                boolean pairsFirst = round % 2 == 0;
                for (int i = 0; i < 2; i++) {
                    boolean isPairs = (i == 0) == pairsFirst;
                    AuthBenchmark.record(results, LoadRun.run(isPairs ? PAIRS : GET_USER, clients, warmUp, window,
                            cpu, (isPairs ? pairs : getUsers).apply(clients)));
                }
            }
        }
    }

    /** GetId, then GetCredentialsForIdentity with the same login: what a credential provider sends. */
    private static void pair(URI url, String identityPoolId, Tokens tokens) throws IOException {
        String identityId = Http.send(identity(url, "GetId", Map.of("IdentityPoolId", identityPoolId,
                "Logins", tokens.logins()))).path("IdentityId").asText();
        if (identityId.isEmpty()) {
            throw new IOException("GetId answered no identity");
        }
        JsonNode credentials = Http.send(identity(url, "GetCredentialsForIdentity", Map.of("IdentityId", identityId,
                "Logins", tokens.logins()))).path("Credentials");
        if (!credentials.path("AccessKeyId").asText().startsWith("ASIA")
                || credentials.path("SessionToken").asText().isEmpty()) {
            throw new IOException("GetCredentialsForIdentity answered no credentials");
        }
    }

    private static ClassicRequestBuilder identity(URI url, String operation, Object body) throws IOException {
        return Http.postJson(url, body)
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .setHeader("X-Amz-Target", IDENTITY_TARGET + operation);
    }
}
