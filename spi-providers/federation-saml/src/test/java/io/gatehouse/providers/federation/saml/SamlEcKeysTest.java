package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.SignOutRequest;
import io.gatehouse.api.federation.SignOutStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.testing.SettableClock;
import io.gatehouse.federation.saml.testing.ReceivedMessage;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder.Signed;
import io.gatehouse.federation.saml.testing.TestCertificates;
import io.gatehouse.federation.saml.testing.TestLocalParty;
import io.gatehouse.federation.saml.testing.TestSamlIdp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EC keys on either side: ECDSA in XML signatures (r||s) and in query signatures (DER, as OpenSAML sends it). */
class SamlEcKeysTest {

    private static final KeyCredential IDP_EC = TestCertificates.ec("ec-idp");
    private static final LocalParty SP_EC = TestLocalParty.create(SamlTestbed.POOL, SamlTestbed.BASE,
            List.of(TestCertificates.ec("ec-sp")), SamlTestbed.SharedKeys.SP.encryption());

    private final SettableClock clock = new SettableClock(Instant.now());
    private final FederationProvider provider = SamlTestbed.factory()
            .create(ProviderContext.of(Optional.empty(), clock));
    private final TestSamlIdp idp = new TestSamlIdp("https://ec-idp.example.test", IDP_EC,
            URI.create("https://ec-idp.example.test"), clock);

    private IdentityProviderSettings settings(String... extra) throws Exception {
        Map<String, String> details = new java.util.HashMap<>(Map.of("MetadataFile", idp.metadataXml()));
        for (int i = 0; i < extra.length; i += 2) {
            details.put(extra[i], extra[i + 1]);
        }
        return new IdentityProviderSettings(SamlTestbed.POOL, "Ec", "SAML", provider.configure(details), List.of(),
                Optional.of(SP_EC));
    }

    @Test
    void completeWhenTheIdpSignsWithEcdsaThenTheUser() throws Exception {
        IdentityProviderSettings settings = settings();
        SignInStart start = provider.begin(settings, new SignInRequest(SamlTestbed.CALLBACK, "s", Optional.empty()));
        ReceivedMessage request = idp.read(start.outgoing());

        UpstreamIdentity identity = provider.complete(settings, SamlTestbed.posted(idp.response(SP_EC)
                .inResponseTo(request.id()).signed(Signed.BOTH).post("s")), start.pendingState());

        assertEquals("alice@example.test", identity.subject());
    }

    @Test
    void beginWhenThePoolsKeyIsEcThenTheQueryIsSignedWithEcdsa() throws Exception {
        SignInStart start = provider.begin(settings("RequestSigningAlgorithm", "rsa-sha256"),
                new SignInRequest(SamlTestbed.CALLBACK, "s", Optional.empty()));

        ReceivedMessage received = idp.read(start.outgoing());
        assertTrue(received.rawQuery().orElseThrow().contains("ecdsa-sha256"));
        assertTrue(received.querySignatureVerifies(SP_EC.activeSigning().certificate()));
    }

    @Test
    void completeSignOutWhenTheIdpSignsTheRedirectWithEcdsaThenAccepted() throws Exception {
        IdentityProviderSettings settings = settings("IDPSignout", "true");
        SignOutStart start = provider.beginSignOut(settings, Optional.of("v=1&n=alice%40example.test"),
                new SignOutRequest(URI.create("https://app.example.test/"), SP_EC.singleLogoutUri(), "s")).orElseThrow();
        String requestId = idp.read(start.outgoing()).id();
        String query = idp.logoutResponse(SP_EC, requestId).redirectQuery("s");

        SamlTestbed bed = new SamlTestbed(SP_EC);
        assertDoesNotThrow(() -> provider.completeSignOut(settings, bed.redirected(query),
                start.pendingState().orElseThrow()));
        bed.close();
    }
}
