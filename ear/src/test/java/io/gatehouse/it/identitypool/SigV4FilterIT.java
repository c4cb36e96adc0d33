package io.gatehouse.it.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.Tampered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The SigV4 filter in a Jakarta REST service on Liberty (examples/sigv4-resource-example, deployed beside Gatehouse
 * on the test server; it needs no feature Gatehouse lacks, so Gatehouse does not restart): identity-pool credentials
 * from AWS's CognitoIdentityClient, used by the AWS SDK's own SigV4 signer, get 200 and the role and identity;
 * tampered, re-scoped, tokenless, stale and expired ones get 403. Also Gatehouse's side, {@code POST
 * /sts/signing-key}: only the verifier credential gets keys, never for Gatehouse's own services.
 */
class SigV4FilterIT {

    private static final String ROLE = "arn:aws:iam::123456789012:role/orders-users";
    private static final String SERVICE = "orders";
    private static final Duration DEPLOY_WAIT = Duration.ofSeconds(120);
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("host", "content-length");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Liberty's messages: the example application started; stopped. */
    private static final Pattern STARTED = Pattern.compile("CWWKZ000[13]I: .*\\bsigv4-resource-example\\b");
    private static final Pattern STOPPED = Pattern.compile("CWWKZ0009I: .*\\bsigv4-resource-example\\b");
    private static final String VERIFIER_KEY = Gatehouse.property("gatehouse.it.verifier.key");
    private static final String VERIFIER_SECRET = Gatehouse.property("gatehouse.it.verifier.secret");

    private static CognitoIdentityClient anonymous;
    private static Path override;
    private static Path log;
    private static URI whoami;
    private static String identityPoolId;
    private static String identityId;
    private static Credentials credentials;
    private static Map<String, String> logins;

    @BeforeAll
    static void deploy() throws Exception {
        CognitoIdentityProviderClient userPools = Gatehouse.adminClient();
        CognitoIdentityClient admin = Gatehouse.identityAdminClient();
        anonymous = CognitoIdentityClient.builder().endpointOverride(Gatehouse.ENDPOINT).region(Gatehouse.REGION)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
        String userPoolId = userPools.createUserPool(r -> r.poolName("sigv4-filter")).userPool().id();
        String clientId = PoolUsers.passwordClient(userPools, userPoolId, "app");
        String idToken = PoolUsers.idToken(userPools, userPoolId, clientId);
        String provider = "cognito-idp.us-east-1.amazonaws.com/" + userPoolId;
        identityPoolId = admin.createIdentityPool(r -> r.identityPoolName("orders")
                .allowUnauthenticatedIdentities(false)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider).clientId(clientId)
                        .build())).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId).roles(Map.of("authenticated", ROLE)));
        logins = Map.of(provider, idToken);
        identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId();
        credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
                .credentials();
        userPools.close();
        admin.close();

        Path war = Paths.get(Gatehouse.property("gatehouse.it.sigv4.example.war"));
        assertThat(war).exists();
        log = Gatehouse.serverDir().resolve("logs/messages.log");
        long logged = Files.size(log);
        override = Gatehouse.serverDir().resolve("configDropins/overrides/sigv4-example.xml");
        Files.createDirectories(override.getParent());
        Files.writeString(override, """
                <server>
                    <webApplication id="sigv4Example" location="%s" contextRoot="/sigv4-example">
                        <appProperties>
                            <property name="gatehouse.sigv4.endpoint" value="%s"/>
                            <property name="gatehouse.sigv4.verifier.access-key-id" value="%s"/>
                            <property name="gatehouse.sigv4.verifier.secret-access-key" value="%s"/>
                        </appProperties>
                    </webApplication>
                </server>
                """.formatted(war.toAbsolutePath(), Gatehouse.ENDPOINT, VERIFIER_KEY, VERIFIER_SECRET));
        whoami = Gatehouse.ENDPOINT.resolve("/sigv4-example/api/whoami");
        // Wait for Liberty to say so rather than polling the URL: until the service is there, its path belongs to
        // Gatehouse (context root "/"), and polled from before it arrived, the path went on answering Gatehouse's 404
        // for two minutes after Liberty had started the service (Liberty seems to keep a path's first routing).
        awaitLogged(log, logged, STARTED);
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (override != null) {
            long logged = Files.size(log);
            Files.deleteIfExists(override);
            awaitLogged(log, logged, STOPPED);
        }
        if (anonymous != null) {
            anonymous.close();
        }
    }

    /** Waits until the server log, past its first {@code from} bytes, has a line that matches {@code pattern}. */
    private static void awaitLogged(Path log, long from, Pattern pattern) throws Exception {
        Instant deadline = Instant.now().plus(DEPLOY_WAIT);
        while (Instant.now().isBefore(deadline)) {
            String added;
            try (var channel = Files.newByteChannel(log)) {
                channel.position(Math.min(from, channel.size()));
                added = new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
            }
            if (pattern.matcher(added).find()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not log " + pattern);
    }

    private static HttpResponse<String> unsigned() throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(whoami).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request signed by the AWS SDK's SigV4 signer; {@code sentBody} replaces the signed one when not null. */
    private static HttpResponse<String> call(URI uri, String method, String body, String sentBody,
                                             AwsCredentialsIdentity identity, String region, String service,
                                             Instant at) throws Exception {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        if (body != null) {
            unsigned.putHeader("Content-Type", "application/json");
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
        String sent = sentBody != null ? sentBody : body;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, sent == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(sent));
        signed.headers().forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return Gatehouse.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AwsSessionCredentialsIdentity identity(Credentials c) {
        return AwsSessionCredentialsIdentity.create(c.accessKeyId(), c.secretKey(), c.sessionToken());
    }

    private static HttpResponse<String> get(AwsCredentialsIdentity identity, String region, String service,
                                            Instant at) throws Exception {
        return call(whoami, "GET", null, null, identity, region, service, at);
    }

    private static void assertRefused(HttpResponse<String> response, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(JSON.readTree(response.body()).path("message").asText()).isNotBlank();
    }

    @Test
    void whoamiWhenSignedWithIdentityPoolCredentialsThen200WithRoleAndIdentity() throws Exception {
        HttpResponse<String> response = get(identity(credentials), "us-east-1", SERVICE, Instant.now());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode caller = JSON.readTree(response.body());
        assertThat(caller.path("roleArn").asText()).isEqualTo(ROLE);
        assertThat(caller.path("identityId").asText()).isEqualTo(identityId);
        assertThat(caller.path("identityPoolId").asText()).isEqualTo(identityPoolId);
        assertThat(caller.path("assumedRoleArn").asText()).isEqualTo(
                "arn:aws:sts::123456789012:assumed-role/orders-users/CognitoIdentityCredentials");
        assertThat(caller.path("authenticated").asBoolean()).isTrue();
        assertThat(caller.path("inRoleByName").asBoolean()).isTrue();
    }

    @Test
    void whoamiWhenSignedPostWithQueryThen200AndTheBody() throws Exception {
        URI uri = URI.create(whoami + "?b=2&a=x%2Fy");
        HttpResponse<String> response = call(uri, "POST", "{\"order\":\"book\"}", null, identity(credentials),
                "us-east-1", SERVICE, Instant.now());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("body").asText()).isEqualTo("{\"order\":\"book\"}");
    }

    @Test
    void whoamiWhenBodyChangedAfterSigningThen403() throws Exception {
        assertRefused(call(whoami, "POST", "{\"order\":\"book\"}", "{\"order\":\"car\"}", identity(credentials),
                "us-east-1", SERVICE, Instant.now()), "InvalidSignatureException");
    }

    @Test
    void whoamiWhenSignatureTamperedThen403() throws Exception {
        Credentials wrongSecret = credentials.toBuilder()
                .secretKey(Tampered.firstCharacter(credentials.secretKey())).build();
        assertRefused(get(identity(wrongSecret), "us-east-1", SERVICE, Instant.now()), "InvalidSignatureException");
    }

    @Test
    void whoamiWhenOtherRegionOrServiceThen403() throws Exception {
        assertRefused(get(identity(credentials), "eu-west-1", SERVICE, Instant.now()), "InvalidSignatureException");
        assertRefused(get(identity(credentials), "us-east-1", "sts", Instant.now()), "InvalidSignatureException");
    }

    @Test
    void whoamiWhenWrongTokenOrNoTokenThen403() throws Exception {
        Credentials otherToken = credentials.toBuilder().sessionToken(credentials.sessionToken() + "x").build();
        assertRefused(get(identity(otherToken), "us-east-1", SERVICE, Instant.now()), "UnrecognizedClientException");
        assertRefused(get(AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretKey()),
                "us-east-1", SERVICE, Instant.now()), "UnrecognizedClientException");
    }

    @Test
    void whoamiWhenSigned20MinutesAgoThen403() throws Exception {
        assertRefused(get(identity(credentials), "us-east-1", SERVICE, Instant.now().minus(Duration.ofMinutes(20))),
                "InvalidSignatureException");
    }

    @Test
    void whoamiWhenUnsignedThen403MissingAuthenticationToken() throws Exception {
        assertRefused(unsigned(), "MissingAuthenticationTokenException");
    }

    /**
     * Credentials whose session has expired (set in the database: they last an hour, and only the PostgreSQL
     * server's database is open to the test).
     */
    @Test
    void whoamiWhenCredentialsExpiredThen403() throws Exception {
        assumeThat(Gatehouse.property("gatehouse.it.database")).isEqualTo("postgresql");
        Credentials fresh = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
                .credentials();
        try (Connection db = Gatehouse.database();
             PreparedStatement s = db.prepareStatement("UPDATE sts_session SET expires_at = ? WHERE access_key_id = ?")) {
            s.setLong(1, Instant.now().minusSeconds(60).toEpochMilli());
            s.setString(2, fresh.accessKeyId());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        assertRefused(get(identity(fresh), "us-east-1", SERVICE, Instant.now()), "ExpiredTokenException");
    }

    @Test
    void signingKeyWhenNotTheVerifierCredentialThen403AccessDenied() throws Exception {
        HttpResponse<String> response = signingKey(AwsCredentialsIdentity.create(Gatehouse.ADMIN_KEY,
                Gatehouse.ADMIN_SECRET), SERVICE);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("AccessDeniedException");
    }

    @Test
    void signingKeyWhenGatehousesOwnServiceThen403AndNoKey() throws Exception {
        HttpResponse<String> response = signingKey(AwsCredentialsIdentity.create(VERIFIER_KEY, VERIFIER_SECRET),
                "sts");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("SigningKey");
    }

    @Test
    void signingKeyWhenVerifierAsksThen200NotToBeStoredWithTheRole() throws Exception {
        HttpResponse<String> response = signingKey(AwsCredentialsIdentity.create(VERIFIER_KEY, VERIFIER_SECRET),
                SERVICE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(JSON.readTree(response.body()).path("RoleArn").asText()).isEqualTo(ROLE);
    }

    @Test
    void signingKeyWhenMalformedThen400() throws Exception {
        HttpResponse<String> response = call(Gatehouse.ENDPOINT.resolve("/sts/signing-key"), "POST", "{\"Date\":1}",
                null, AwsCredentialsIdentity.create(VERIFIER_KEY, VERIFIER_SECRET), "us-east-1",
                "gatehouse-verifier", Instant.now());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("__type").asText()).isEqualTo("InvalidParameterException");
    }

    private static HttpResponse<String> signingKey(AwsCredentialsIdentity identity, String service) throws Exception {
        String body = JSON.writeValueAsString(Map.of("AccessKeyId", credentials.accessKeyId(), "SessionToken",
                credentials.sessionToken(), "Date", java.time.LocalDate.now(ZoneOffset.UTC).format(
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE), "Region", "us-east-1", "Service", service));
        return call(Gatehouse.ENDPOINT.resolve("/sts/signing-key"), "POST", body, null, identity, "us-east-1",
                "gatehouse-verifier", Instant.now());
    }
}
