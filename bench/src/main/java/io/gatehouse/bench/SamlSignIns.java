package io.gatehouse.bench;

import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder;
import io.gatehouse.federation.saml.testing.TestLocalParty;
import io.gatehouse.federation.saml.testing.TestSaml;
import io.gatehouse.federation.saml.testing.TestSamlIdp;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * IdP-initiated SAML sign-ins posted to a pool's {@code /saml2/idpresponse} as a browser posts them: the
 * {@code SAMLResponse} (signed by the provider's test IdP, and encrypted for the pool for {@link Kind#ENCRYPTED}) and
 * the {@code RelayState}, which for a sign-in the IdP begins is the app's authorization request. A sign-in counts
 * when the server answers 302 or 303 to the app's callback with a code; anything else is an error.
 *
 * <p>Every response is new (its own Response and Assertion IDs): the server takes each assertion once. The users are
 * {@code users} NameIDs, cycled, so after their first sign-ins every response signs a returning user in, with the same
 * e-mail attribute each time.
 */
final class SamlSignIns {

    /**
     * How long a response stays valid (its Conditions and confirmation NotOnOrAfter): long enough for responses
     * signed before a point to be taken at its end, and for a run's set to outlive the run.
     */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    /** The two IdPs the pool gets, both from one test IdP's metadata. */
    enum Kind {
        /** A signed assertion (RSA-SHA256, 2048-bit key), in the clear. */
        SIGNED("saml-signed", "Saml"),
        /** The same, encrypted for the pool's certificate (AES-128-GCM, the key by RSA-OAEP); EncryptedResponses. */
        ENCRYPTED("saml-encrypted", "SamlEncrypted");

        final String flow;
        final String providerName;

        Kind(String flow, String providerName) {
            this.flow = flow;
            this.providerName = providerName;
        }
    }

    /**
     * A pool set up for the load: both IdPs (IDPInit) and a confidential app client supporting them.
     *
     * @param endpoint              the server's base URL as it names itself: its ACS is
     *                              {@code <endpoint>/saml2/idpresponse}
     * @param encryptionCertificate the pool's encryption certificate, read from its SP metadata
     */
    record Pool(URI endpoint, String poolId, String clientId, X509Certificate encryptionCertificate) {
    }

    /** The app's redirect URI; the driver only reads the code off the redirect to it. */
    static final URI CALLBACK = BrokeredSignIn.APP_CALLBACK;

    private final TestSamlIdp idp;
    private final Pool pool;
    private final LocalParty sp;
    private final URI acs;
    private final int users;
    private final AtomicLong made = new AtomicLong();

    SamlSignIns(TestSamlIdp idp, Pool pool, int users) {
        this.idp = idp;
        this.pool = pool;
        // The pool as the IdP knows it: entity id, ACS. Its keys here are the test party's own and unused: the
        // encrypted responses are encrypted for the certificate the server publishes.
        this.sp = TestLocalParty.create(pool.poolId(), pool.endpoint());
        this.acs = sp.assertionConsumerUri();
        this.users = users;
    }

    TestSamlIdp idp() {
        return idp;
    }

    LocalParty sp() {
        return sp;
    }

    /** The app's authorization request naming the IdP: the relay state of a sign-in the IdP begins. */
    String relayState(Kind kind) {
        return "client_id=" + pool.clientId() + "&redirect_uri=" + URLEncoder.encode(CALLBACK.toString(),
                StandardCharsets.UTF_8) + "&response_type=code&scope=openid&identity_provider=" + kind.providerName;
    }

    /** The form body of one new response, signed (and encrypted) now. */
    byte[] form(Kind kind) {
        String nameId = "user-" + made.getAndIncrement() % users + "@corp.test";
        SamlResponseBuilder response = idp.response(sp).nameId(nameId).attribute("email", nameId).lifetime(LIFETIME);
        if (kind == Kind.ENCRYPTED) {
            response.encryptFor(pool.encryptionCertificate());
        }
        return ("SAMLResponse=" + URLEncoder.encode(TestSaml.base64(response.xml()), StandardCharsets.UTF_8)
                + "&RelayState=" + URLEncoder.encode(relayState(kind), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code count} new responses, signed on every core (the server waits meanwhile). */
    Supply presign(Kind kind, int count) {
        long started = System.nanoTime();
        byte[][] forms = new byte[count][];
        Arrays.parallelSetAll(forms, i -> form(kind));
        System.out.printf(java.util.Locale.ROOT, "  (%d %s responses signed in %.1f s)%n", count, kind.flow,
                (System.nanoTime() - started) / 1e9);
        return new Supply(forms);
    }

    /**
     * Posts one response and checks the answer: a redirect to the app's callback with a code.
     *
     * @throws IOException on any other answer
     */
    void post(byte[] form) throws IOException {
        Http.Answer answer = Http.exchange(ClassicRequestBuilder.post(acs)
                .setEntity(form, ContentType.APPLICATION_FORM_URLENCODED));
        if ((answer.status() != 302 && answer.status() != 303) || answer.location() == null
                || !answer.location().startsWith(CALLBACK + "?code=")) {
            throw new IOException("HTTP " + answer.status() + (answer.location() == null ? ""
                    : " to " + answer.location().replaceAll("code=[^&]*", "code=...")) + ": "
                    + Http.abbreviate(answer.body()));
        }
    }

    /** Responses signed before a point, each taken once by whichever client comes first. */
    static final class Supply {

        private final byte[][] forms;
        private final AtomicInteger next = new AtomicInteger();

        Supply(byte[][] forms) {
            this.forms = forms;
        }

        /** The next response, or null when all are taken. */
        byte[] take() {
            int i = next.getAndIncrement();
            return i < forms.length ? forms[i] : null;
        }

        /** Whether a client asked for more than there were: the point it fed is not a measurement. */
        boolean ranOut() {
            return next.get() > forms.length;
        }

        int size() {
            return forms.length;
        }
    }
}
