package io.gatehouse.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * ListUsers on a large pool, for bench/list-users.sh: {@code pool} makes the pool (the script then loads the users
 * straight into the database), {@code measure} times exact e-mail filters, prefix filters and pages of 60 through
 * the AWS SDK, as an administrator's tool would call them. The users are {@code user<n>} with e-mail address
 * {@code user<n>@example.com} and family name {@code Family<n % 1000>}.
 */
public final class DirectoryBenchmark {

    private DirectoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args, 1);
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(Options.require(o, "url")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        Options.require(o, "admin-key"), Options.require(o, "admin-secret"))))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            switch (args[0]) {
                case "pool" -> System.out.println(cognito.createUserPool(r -> r.poolName("directory-bench"))
                        .userPool().id());
                case "measure" -> measure(cognito, o);
                default -> throw new IllegalArgumentException("usage: pool|measure --url ... ");
            }
        }
    }

    private static void measure(CognitoIdentityProviderClient cognito, Map<String, String> o) throws Exception {
        String poolId = Options.require(o, "pool");
        int users = Integer.parseInt(Options.require(o, "users"));
        String[] clientCounts = o.getOrDefault("clients", "1,4").split(",");
        Duration warmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("warm-up", "5")));
        Duration window = Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "15")));
        ProcessCpu cpu = new ProcessCpu(Long.parseLong(o.getOrDefault("pid", "0")));
        Path results = Path.of(Options.require(o, "results"));
        String label = "list-users " + o.getOrDefault("database", "") + " ";

        Map<String, IntFunction<LoadRun.Step>> queries = Map.of(
                "exact email", client -> () -> expect(cognito.listUsers(r -> r.userPoolId(poolId)
                        .filter("email = \"user" + random(users) + "@example.com\"")), 1),
                "email prefix", client -> () -> cognito.listUsers(r -> r.userPoolId(poolId)
                        .filter("email ^= \"user" + random(users) + "\"")),
                "family name, page of 60", client -> () -> expect(cognito.listUsers(r -> r.userPoolId(poolId)
                        .filter("family_name = \"Family" + random(1000) + "\"").limit(60)), 60),
                "page of 60, walking", client -> {
                    String[] token = {null};
                    return () -> {
                        ListUsersResponse page = cognito.listUsers(r -> r.userPoolId(poolId).limit(60)
                                .paginationToken(token[0]));
                        expect(page, 60);
                        token[0] = page.paginationToken();
                    };
                });
        // Unrecorded: the first query measured after start-up was slower only because the JIT had not yet run.
        Duration jitWarmUp = Duration.ofSeconds(Long.parseLong(o.getOrDefault("jit-warm-up", "5")));
        for (IntFunction<LoadRun.Step> query : queries.values()) {
            LoadRun.run("JIT warm-up", 2, Duration.ZERO, jitWarmUp, cpu, query);
        }
        for (String clients : clientCounts) {
            for (String query : new String[] {"exact email", "email prefix", "family name, page of 60",
                    "page of 60, walking"}) {
                Result result = LoadRun.run(label + query, Integer.parseInt(clients), warmUp, window, cpu,
                        queries.get(query));
                AuthBenchmark.record(results, result);
            }
        }
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    private static void expect(ListUsersResponse page, int users) {
        if (page.users().size() != users) {
            throw new IllegalStateException("expected " + users + " users, got " + page.users().size());
        }
    }
}
