package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsException.Reason;
import io.gatehouse.api.credentials.CredentialsRequest;
import io.gatehouse.api.credentials.IssuedCredentials;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker through the AWS SDK against {@link StsStandIn}, an STS on loopback: what goes over the wire, the
 * credentials that come back, and each way an STS fails, with its time bounded.
 */
class AwsStsBrokerTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/app-users";
    private static final String OTHER_ROLE = "arn:aws:iam::123456789012:role/admins";
    private static final String TOKEN = "eyJraWQiOiJrMSJ9.eyJzdWIiOiJ1cy1lYXN0LTE6YWJjIn0.c2lnbmF0dXJl";
    private static final String IDENTITY = "us-east-1:0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e";

    private final List<AwsStsBrokerFactory> factories = new ArrayList<>();
    private StsStandIn sts;

    @AfterEach
    void close() {
        factories.forEach(AwsStsBrokerFactory::close);
        if (sts != null) {
            sts.close();
        }
    }

    private CredentialsBroker broker(String endpoint, String... options) throws Exception {
        Map<String, String> config = new HashMap<>(Map.of("endpoint", endpoint));
        for (int i = 0; i < options.length; i += 2) {
            config.put(options[i], options[i + 1]);
        }
        AwsStsBrokerFactory factory = new AwsStsBrokerFactory();
        factories.add(factory);
        factory.init(new ProviderConfig(config));
        return factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
    }

    private static CredentialsRequest request(String role, Duration duration) {
        return new CredentialsRequest("us-east-1:7d1e0c4a-3b2f-4e5d-8c9b-0a1f2e3d4c5b", IDENTITY, role, true,
                List.of("authenticated"), Optional.of(TOKEN), Map.of("department", "sales"), duration);
    }

    @Test
    void issueWhenTheStsGivesTheRoleThenAnUnsignedAssumeRoleWithWebIdentityAndItsCredentials() throws Exception {
        sts = new StsStandIn(ROLE);
        CredentialsBroker broker = broker(sts.endpoint(),
                "policy-arns", "arn:aws:iam::aws:policy/ReadOnlyAccess,arn:aws:iam::123456789012:policy/s3-ro");
        assertTrue(broker.needsOpenIdToken());
        Instant before = Instant.now();
        IssuedCredentials issued = broker.issue(request(ROLE, Duration.ofHours(1)));

        assertTrue(issued.accessKeyId().startsWith("ASIA"), issued.accessKeyId());
        assertFalse(issued.secretAccessKey().isBlank());
        assertFalse(issued.sessionToken().isBlank());
        assertFalse(issued.expiration().isBefore(before.plusSeconds(3599)), issued.toString());
        assertFalse(issued.expiration().isAfter(Instant.now().plusSeconds(3600)), issued.toString());

        assertEquals(1, sts.asked().size());
        StsStandIn.Asked asked = sts.asked().get(0);
        assertFalse(asked.signed(), "AssumeRoleWithWebIdentity is not signed: the token is the proof");
        assertTrue(asked.contentType().startsWith("application/x-www-form-urlencoded"), asked.contentType());
        Map<String, String> expected = new HashMap<>(Map.of("Action", "AssumeRoleWithWebIdentity",
                "Version", "2011-06-15", "RoleArn", ROLE, "WebIdentityToken", TOKEN,
                "RoleSessionName", "us-east-1_0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e", "DurationSeconds", "3600",
                "PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess",
                "PolicyArns.member.2.arn", "arn:aws:iam::123456789012:policy/s3-ro"));
        assertEquals(expected, asked.form(), "no session tags, no inline policy: tags travel in the token");
    }

    @Test
    void durationWhenShortOrLongThenWithinWhatAnStsTakes() throws Exception {
        sts = new StsStandIn(ROLE);
        CredentialsBroker broker = broker(sts.endpoint());
        broker.issue(request(ROLE, Duration.ofMinutes(5)));
        broker.issue(request(ROLE, Duration.ofDays(1)));
        assertEquals("900", sts.asked().get(0).form().get("DurationSeconds"));
        assertEquals("43200", sts.asked().get(1).form().get("DurationSeconds"));
    }

    @Test
    void roleWhenTheStsRefusesItThenRoleRefusedWithoutTheToken() throws Exception {
        sts = new StsStandIn(ROLE);
        CredentialsException e = assertThrows(CredentialsException.class,
                () -> broker(sts.endpoint()).issue(request(OTHER_ROLE, Duration.ofHours(1))));
        assertEquals(Reason.ROLE_REFUSED, e.reason());
        assertTrue(e.getMessage().startsWith("The STS refused role " + OTHER_ROLE + " (AccessDenied, request "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("): Not authorized to perform sts:AssumeRoleWithWebIdentity"),
                e.getMessage());
        assertEquals(1, sts.asked().size(), "a refusal is not tried again");
    }

    @Test
    void tokenWhenTheStsFindsItInvalidAndEchoesItThenRoleRefusedWithoutTheToken() throws Exception {
        sts = new StsStandIn(ROLE).failing(400, "InvalidIdentityToken", "No OpenIDConnect provider found for "
                + TOKEN);
        CredentialsException e = assertThrows(CredentialsException.class,
                () -> broker(sts.endpoint()).issue(request(ROLE, Duration.ofHours(1))));
        assertEquals(Reason.ROLE_REFUSED, e.reason());
        assertTrue(e.getMessage().contains("(InvalidIdentityToken, request "), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void stsWhenFailingThrottlingOrNotAnStsThenUnavailable() throws Exception {
        sts = new StsStandIn(ROLE);
        CredentialsBroker broker = broker(sts.endpoint());
        Object[][] failures = {
                {503, "ServiceUnavailable", "Service unavailable"},
                {400, "Throttling", "Rate exceeded"},
                {400, "IDPCommunicationError", "Couldn't retrieve verification key from your identity provider"},
        };
        for (Object[] failure : failures) {
            sts.failing((int) failure[0], (String) failure[1], (String) failure[2]);
            CredentialsException e = assertThrows(CredentialsException.class,
                    () -> broker.issue(request(ROLE, Duration.ofHours(1))));
            assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP " + failure[0] + ", " + failure[1]), e.getMessage());
        }
        sts.answeringRaw(404, "<html><body>Not Found</body></html>");
        CredentialsException notSts = assertThrows(CredentialsException.class,
                () -> broker.issue(request(ROLE, Duration.ofHours(1))));
        assertEquals(Reason.UNAVAILABLE, notSts.reason(), notSts.getMessage());
    }

    @Test
    void stsWhenTooSlowThenUnavailableAtTheCallTimeout() throws Exception {
        sts = new StsStandIn(ROLE).slow(5_000);
        CredentialsBroker broker = broker(sts.endpoint(), "call-timeout-ms", "500");
        long start = System.nanoTime();
        CredentialsException e = assertThrows(CredentialsException.class,
                () -> broker.issue(request(ROLE, Duration.ofHours(1))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
    }

    @Test
    void endpointWhenNothingListensThenUnavailableAtOnce() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CredentialsBroker broker = broker("http://127.0.0.1:" + port);
        long start = System.nanoTime();
        CredentialsException e = assertThrows(CredentialsException.class,
                () -> broker.issue(request(ROLE, Duration.ofHours(1))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Reason.UNAVAILABLE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The STS did not answer AssumeRoleWithWebIdentity"), e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }

    @Test
    void factoryWhenNoEndpointThenReadyForAwsStsOfTheRegion() throws Exception {
        AwsStsBrokerFactory factory = new AwsStsBrokerFactory();
        factories.add(factory);
        factory.init(new ProviderConfig(Map.of("region", "eu-west-1")));
        assertTrue(factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC())).needsOpenIdToken());
    }

    @Test
    void factoryWhenNotInitialisedThenRefusesToCreate() {
        assertThrows(IllegalStateException.class, () -> new AwsStsBrokerFactory()
                .create(ProviderContext.of(Optional.empty(), Clock.systemUTC())));
    }

    @Test
    void requestWhenItHasNoTokenThenUnavailableAndNothingSent() throws Exception {
        sts = new StsStandIn(ROLE);
        CredentialsBroker broker = broker(sts.endpoint());
        CredentialsRequest noToken = new CredentialsRequest("us-east-1:7d1e0c4a-3b2f-4e5d-8c9b-0a1f2e3d4c5b",
                IDENTITY, ROLE, false, List.of("unauthenticated"), Optional.empty(), Map.of(), Duration.ofHours(1));
        CredentialsException e = assertThrows(CredentialsException.class, () -> broker.issue(noToken));
        assertEquals(Reason.UNAVAILABLE, e.reason());
        assertTrue(sts.asked().isEmpty());
    }
}
