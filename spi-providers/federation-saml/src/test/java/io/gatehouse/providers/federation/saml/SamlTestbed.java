package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.testing.SettableClock;
import io.gatehouse.federation.saml.testing.ReceivedMessage;
import io.gatehouse.federation.saml.testing.TestLocalParty;
import io.gatehouse.federation.saml.testing.TestSamlIdp;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool, a test IdP and the provider between them, on a clock the test moves: what each SAML test starts from.
 * The factory (and OpenSAML) is initialised once per JVM for these tests, as the engine does once per application.
 */
final class SamlTestbed implements AutoCloseable {

    static final String POOL = "us-east-1_Saml1";
    static final URI BASE = URI.create("https://auth.example.test");
    static final URI CALLBACK = URI.create("https://auth.example.test/saml2/idpresponse");

    private static SamlFederationProviderFactory sharedFactory;

    final SettableClock clock = new SettableClock(Instant.now());
    final LocalParty sp;
    final TestSamlIdp idp;
    final FederationProvider provider;

    SamlTestbed() {
        this(SharedKeys.SP);
    }

    SamlTestbed(LocalParty sp) {
        this.sp = sp;
        this.idp = new TestSamlIdp(TestSamlIdp.DEFAULT_ENTITY_ID, SharedKeys.IDP, URI.create("https://idp.example.test"),
                clock);
        this.provider = factory().create(ProviderContext.of(Optional.of(POOL), clock));
    }

    /** The factory the tests share, initialised with the default options. */
    static synchronized SamlFederationProviderFactory factory() {
        if (sharedFactory == null) {
            SamlFederationProviderFactory factory = new SamlFederationProviderFactory();
            try {
                factory.init(ProviderConfig.empty());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sharedFactory = factory;
        }
        return sharedFactory;
    }

    /** Details of the test IdP by MetadataFile, with these extra details. */
    Map<String, String> details(String... extra) {
        Map<String, String> details = new HashMap<>();
        details.put("MetadataFile", idp.metadataXml());
        for (int i = 0; i < extra.length; i += 2) {
            details.put(extra[i], extra[i + 1]);
        }
        return details;
    }

    /** The IdP as the engine hands it over: configured, with the pool's side. */
    IdentityProviderSettings settings(String... extra) throws Exception {
        return settingsOf(provider.configure(details(extra)));
    }

    IdentityProviderSettings settingsOf(Map<String, String> configured) {
        return new IdentityProviderSettings(POOL, "Corp", "SAML", configured, List.of(), Optional.of(sp));
    }

    /** A sign-in begun, and the AuthnRequest as the IdP receives it. */
    Begun begin(IdentityProviderSettings settings) throws Exception {
        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "state-" + Instant.now().toEpochMilli(),
                Optional.empty()));
        return new Begun(start, idp.read(start.outgoing()));
    }

    record Begun(SignInStart start, ReceivedMessage request) {
        String requestId() {
            return request.id();
        }

        String pending() {
            return start.pendingState();
        }
    }

    /** A posted callback. */
    static Callback posted(Map<String, List<String>> form) {
        return new Callback(CALLBACK, form);
    }

    /** A redirect callback to the pool's SLO with this raw query. */
    Callback redirected(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            parameters.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    n -> new ArrayList<>()).add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return new Callback(sp.singleLogoutUri(), parameters, Optional.of(rawQuery));
    }

    @Override
    public void close() {
        provider.close();
    }

    /** Keys made once per JVM: RSA key generation is the slow part of these tests. */
    static final class SharedKeys {
        static final io.gatehouse.api.federation.KeyCredential IDP =
                io.gatehouse.federation.saml.testing.TestCertificates.rsa("test-idp");
        static final io.gatehouse.api.federation.KeyCredential OTHER =
                io.gatehouse.federation.saml.testing.TestCertificates.rsa("someone-else");
        static final LocalParty SP = TestLocalParty.create(POOL, BASE);

        private SharedKeys() {
        }
    }
}
