package io.gatehouse.providers.federation.saml;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.federation.saml.testing.TestCertificates;
import io.gatehouse.federation.saml.testing.TestSamlIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensaml.security.credential.UsageType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * configure() and reconfigure(): the details Cognito takes, what is computed from the metadata, and metadata read
 * from a URL (served by a JDK HttpServer on an ephemeral loopback port), with its size cap, timeout and refresh.
 */
class SamlConfigureTest {

    private SamlTestbed bed;
    private HttpServer server;
    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger reads = new AtomicInteger();
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        bed = new SamlTestbed();
        served.set(bed.idp.metadataXml());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metadata", exchange -> {
            reads.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/samlmetadata+xml");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // The client gave up (size cap, timeout).
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        bed.close();
    }

    private String metadataUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/metadata";
    }

    private InvalidProviderDetailsException refused(Map<String, String> details, String... words) {
        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> bed.provider.configure(details));
        for (String word : words) {
            assertTrue(refused.getMessage().contains(word), refused.getMessage());
        }
        return refused;
    }

    @Test
    void configureWhenMetadataFileThenStoredAsGivenWithTheComputedEndpointsAndEntityId() throws Exception {
        String xml = bed.idp.metadataXml();

        Map<String, String> stored = bed.provider.configure(Map.of("MetadataFile", xml, "IDPSignout", "true"));

        assertEquals(xml, stored.get("MetadataFile"));
        assertEquals("true", stored.get("IDPSignout"));
        assertEquals(bed.idp.ssoUrl().toString(), stored.get("SSORedirectBindingURI"));
        assertEquals(bed.idp.sloUrl().toString(), stored.get("SLORedirectBindingURI"));
        assertEquals(bed.idp.sloUrl().toString(), stored.get("SLOPostBindingURI"));
        assertEquals(bed.idp.entityId(), stored.get("IdpEntityId"));
    }

    @Test
    void configureWhenMetadataUrlThenReadOverHttpAndComputed() throws Exception {
        Map<String, String> stored = bed.provider.configure(Map.of("MetadataURL", metadataUrl()));

        assertEquals(metadataUrl(), stored.get("MetadataURL"));
        assertEquals(bed.idp.entityId(), stored.get("IdpEntityId"));
        assertEquals(1, reads.get());
    }

    @Test
    void configureWhenACallerGivesAComputedKeyThenItIsRecomputed() throws Exception {
        Map<String, String> stored = bed.provider.configure(Map.of("MetadataFile", bed.idp.metadataXml(),
                "SSORedirectBindingURI", "https://evil.example.test/sso", "IdpEntityId", "https://evil.example.test"));

        assertEquals(bed.idp.ssoUrl().toString(), stored.get("SSORedirectBindingURI"));
        assertEquals(bed.idp.entityId(), stored.get("IdpEntityId"));
    }

    @Test
    void configureWhenNeitherOrBothMetadataKeysThenRefused() {
        refused(Map.of("IDPSignout", "false"), "MetadataURL", "MetadataFile");
        refused(Map.of("MetadataURL", metadataUrl(), "MetadataFile", bed.idp.metadataXml()), "exactly one");
    }

    @Test
    void configureWhenASwitchIsNotTrueOrFalseThenRefusedNamingIt() {
        for (String key : List.of("IDPSignout", "IDPInit", "EncryptedResponses")) {
            refused(Map.of("MetadataFile", bed.idp.metadataXml(), key, "yes"), key);
        }
    }

    @Test
    void configureWhenRequestSigningAlgorithmIsNotRsaSha256ThenRefused() throws Exception {
        refused(Map.of("MetadataFile", bed.idp.metadataXml(), "RequestSigningAlgorithm", "rsa-sha1"),
                "RequestSigningAlgorithm");
        assertEquals("rsa-sha256", bed.provider.configure(Map.of("MetadataFile", bed.idp.metadataXml(),
                "RequestSigningAlgorithm", "rsa-sha256")).get("RequestSigningAlgorithm"));
    }

    @Test
    void configureWhenAnUnknownKeyThenRefusedNamingIt() {
        refused(Map.of("MetadataFile", bed.idp.metadataXml(), "client_id", "x"), "client_id");
    }

    @Test
    void configureWhenEverySigningCertificateHasExpiredThenRefused() {
        Instant now = Instant.now();
        var expired = TestCertificates.rsa("expired", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));

        refused(Map.of("MetadataFile", bed.idp.metadata().certificates(expired.certificate()).xml()), "expired");
    }

    @Test
    void configureWhenOneOfTwoCertificatesHasExpiredThenTakenAndOnlyTheCurrentOneChecks() throws Exception {
        Instant now = Instant.now();
        var expired = TestCertificates.rsa("expired", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));

        Map<String, String> stored = bed.provider.configure(Map.of("MetadataFile", bed.idp.metadata()
                .certificates(expired.certificate(), bed.idp.signing().certificate()).xml()));

        assertEquals(bed.idp.entityId(), stored.get("IdpEntityId"));
    }

    @Test
    void configureWhenTheKeyDescriptorStatesNoUseThenItsCertificateSigns() throws Exception {
        assertEquals(bed.idp.entityId(), bed.provider.configure(Map.of("MetadataFile",
                bed.idp.metadata().keyUse(null).xml())).get("IdpEntityId"));
    }

    @Test
    void configureWhenTheOnlyCertificateIsForEncryptionThenRefused() {
        refused(Map.of("MetadataFile", bed.idp.metadata().keyUse(UsageType.ENCRYPTION).xml()), "signing certificate");
    }

    @Test
    void configureWhenTheMetadataIsNotForSaml2ThenRefused() {
        refused(Map.of("MetadataFile", bed.idp.metadata().protocol("urn:oasis:names:tc:SAML:1.1:protocol").xml()),
                "IDPSSODescriptor");
    }

    @Test
    void configureWhenTheMetadataIsNotXmlOrHasADoctypeThenRefused() {
        refused(Map.of("MetadataFile", "not xml"), "MetadataFile");
        refused(Map.of("MetadataFile", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                "DOCTYPE");
    }

    @Test
    void configureWhenIdpSignoutButNoSingleLogoutServiceThenRefused() throws Exception {
        String xml = bed.idp.metadata().withoutSingleLogout().xml();

        refused(Map.of("MetadataFile", xml, "IDPSignout", "true"), "IDPSignout");
        assertFalse(bed.provider.configure(Map.of("MetadataFile", xml)).containsKey("SLORedirectBindingURI"));
    }

    @Test
    void configureWhenTheMetadataUrlIsPlainHttpElsewhereThanLoopbackThenRefused() {
        refused(Map.of("MetadataURL", "http://idp.example.test/metadata"), "MetadataURL", "https");
    }

    @Test
    void configureWhenTheMetadataUrlAnswersAnErrorThenRefusedNamingTheKey() {
        status.set(404);

        refused(Map.of("MetadataURL", metadataUrl()), "MetadataURL", "404");
    }

    @Test
    void configureWhenTheMetadataUrlCannotBeReachedThenRefused() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        refused(Map.of("MetadataURL", "http://127.0.0.1:" + port + "/metadata"), "MetadataURL", "cannot be reached");
    }

    @Test
    void configureWhenTheMetadataIsLargerThanTheCapThenRefused() throws Exception {
        SamlFederationProviderFactory factory = new SamlFederationProviderFactory();
        factory.init(new ProviderConfig(Map.of("metadata-max-bytes", "2048")));
        served.set(bed.idp.metadataXml() + "\n".repeat(4096));

        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> factory.create(ProviderContext.of(Optional.empty(), bed.clock))
                        .configure(Map.of("MetadataURL", metadataUrl())));
        assertTrue(refused.getMessage().contains("2048 bytes"), refused.getMessage());
        factory.close();
    }

    @Test
    void configureWhenTheMetadataUrlIsTooSlowThenRefusedAfterTheTimeout() throws Exception {
        SamlFederationProviderFactory factory = new SamlFederationProviderFactory();
        factory.init(new ProviderConfig(Map.of("metadata-timeout-seconds", "1")));
        delayMillis = 4000;

        long started = System.nanoTime();
        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> factory.create(ProviderContext.of(Optional.empty(), bed.clock))
                        .configure(Map.of("MetadataURL", metadataUrl())));
        assertTrue(refused.getMessage().contains("did not answer within 1 s"), refused.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3500);
        factory.close();
    }

    @Test
    void initWhenAnOptionIsOutOfRangeThenRefused() {
        assertThrows(ProviderInitializationException.class, () -> new SamlFederationProviderFactory()
                .init(new ProviderConfig(Map.of("clock-skew-seconds", "3600"))));
    }

    @Test
    void signInWhenTheMetadataUrlIsDueThenReadAgainAndKeptWhenTheRefreshFails() throws Exception {
        Map<String, String> stored = bed.provider.configure(Map.of("MetadataURL", metadataUrl()));
        IdentityProviderSettings settings = bed.settingsOf(stored);
        bed.begin(settings);
        assertEquals(1, reads.get(), "cached after configure");

        bed.clock.advance(Duration.ofHours(6).plusMinutes(1));
        bed.begin(settings);
        assertEquals(2, reads.get(), "read again after 6 h");

        status.set(500);
        bed.clock.advance(Duration.ofHours(6).plusMinutes(1));
        bed.begin(settings);
        assertEquals(3, reads.get(), "tried again");
        bed.begin(settings);
        assertEquals(3, reads.get(), "the last good copy serves until the retry");
    }

    @Test
    void signInWhenTheMetadataSaysCacheDurationThenReadAgainAfterIt() throws Exception {
        served.set(bed.idp.metadata().cacheDuration(Duration.ofMinutes(10)).xml());
        IdentityProviderSettings settings = bed.settingsOf(bed.provider.configure(Map.of("MetadataURL",
                metadataUrl())));

        bed.clock.advance(Duration.ofMinutes(11));
        bed.begin(settings);

        assertEquals(2, reads.get());
    }

    @Test
    void signInWhenTheMetadataUrlNeverAnsweredThenUnavailable() throws Exception {
        IdentityProviderSettings settings = bed.settingsOf(Map.of("MetadataURL", "http://127.0.0.1:1/none",
                "IdpEntityId", bed.idp.entityId()));

        FederationException refused = assertThrows(FederationException.class, () -> bed.begin(settings));
        assertEquals(FederationException.Reason.UNAVAILABLE, refused.reason());
    }

    @Test
    void reconfigureWhenTheMetadataMovesFromAFileToAUrlThenTheFileIsDroppedAndAllRecomputed() throws Exception {
        TestSamlIdp other = new TestSamlIdp("https://other-idp.example.test", SamlTestbed.SharedKeys.OTHER,
                URI.create("https://other-idp.example.test"), bed.clock);
        Map<String, String> stored = bed.provider.configure(Map.of("MetadataFile", other.metadataXml()));
        served.set(bed.idp.metadataXml());

        Map<String, String> updated = bed.provider.reconfigure(Map.of("MetadataURL", metadataUrl()), stored);

        assertFalse(updated.containsKey("MetadataFile"));
        assertEquals(bed.idp.entityId(), updated.get("IdpEntityId"));
        assertEquals(bed.idp.ssoUrl().toString(), updated.get("SSORedirectBindingURI"));
    }

    @Test
    void reconfigureWhenOnlyASwitchChangesThenTheMetadataStays() throws Exception {
        Map<String, String> stored = bed.provider.configure(bed.details());

        Map<String, String> updated = bed.provider.reconfigure(Map.of("IDPInit", "true"), stored);

        Map<String, String> expected = new HashMap<>(stored);
        expected.put("IDPInit", "true");
        assertEquals(expected, updated);
    }
}
