package io.gatehouse.providers.federation.oauth.testing;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every type whose identity-pool logins are an OpenID Provider's ID tokens (Google's, Apple's) keeps, against
 * the IdP's JWK set on a {@link StandIn}: an honest token is taken, with its {@code sub} and claims; the attack corpus
 * (unsigned, HMAC with the public key, an unknown key id, another key under the IdP's key id, another issuer or
 * audience, expired, not yet valid, issued in the future, no JWT) is refused as {@code INVALID_RESPONSE} without the
 * token in the message; keys that cannot be read are {@code UNAVAILABLE}; the keys' URL option keeps the URL rule.
 */
public abstract class IdTokenLoginsContract {

    protected static final String AUDIENCE = "the-pools-client-id";

    protected final RSAKey key = generate("idp-key-1");
    private StandIn idp;
    private FederationProviderFactory factory;
    private FederationProvider provider;
    /** When set, the JWK set is answered by this instead. */
    private volatile Consumer<com.sun.net.httpserver.HttpExchange> keysAnswer;

    /** A new factory of the type under test, not yet initialised. */
    protected abstract FederationProviderFactory newFactory();

    /** The name identity pools know the type's IdP by. */
    protected abstract String loginName();

    /** The issuer the IdP's ID tokens name. */
    protected abstract String issuer();

    protected static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        idp = new StandIn().on("/keys", exchange -> {
            if (keysAnswer != null) {
                keysAnswer.accept(exchange);
                return;
            }
            StandIn.answer(exchange, 200, "application/json", new JWKSet(key).toPublicJWKSet().toString());
        });
        factory = factory(idp.url() + "/keys", Map.of());
        provider = factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
    }

    private FederationProviderFactory factory(String keys, Map<String, String> more)
            throws ProviderInitializationException {
        Map<String, String> options = new LinkedHashMap<>(more);
        options.put("identity-pool-jwks-uri", keys);
        FederationProviderFactory made = newFactory();
        made.init(new ProviderConfig(options));
        return made;
    }

    @AfterEach
    void stop() {
        provider.close();
        factory.close();
        idp.close();
    }

    /** The claims of an honest token, issued now. */
    protected Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("aud", AUDIENCE);
        claims.put("sub", "000123.abcdef");
        claims.put("email", "alice@example.com");
        claims.put("email_verified", true);
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", Instant.now().getEpochSecond() + 3600);
        return claims;
    }

    protected static String signed(RSAKey by, Map<String, Object> claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(by.getKeyID()).build(),
                JWTClaimsSet.parse(claims));
        jwt.sign(new RSASSASigner(by));
        return jwt.serialize();
    }

    protected UpstreamIdentity login(String token) throws FederationException {
        return provider.verifyIdentityPoolLogin(IdentityPoolLogin.token(token, AUDIENCE));
    }

    protected void assertRefused(String token, Reason reason) {
        FederationException refused = assertThrows(FederationException.class, () -> login(token));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertFalse(!token.isEmpty() && refused.getMessage().contains(token), "the message shows the token");
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    @Test
    void nameWhenAskedThenCognitos() {
        assertEquals(Optional.of(loginName()), provider.identityPoolLoginName());
    }

    @Test
    void honestTokenWhenShownThenItsSubjectAndClaims() throws Exception {
        UpstreamIdentity identity = login(signed(key, claims()));

        assertEquals("000123.abcdef", identity.subject());
        assertEquals("alice@example.com", identity.claims().get("email"));
        assertEquals("true", identity.claims().get("email_verified"));
        assertEquals(issuer(), identity.claims().get("iss"));
        assertEquals(Optional.empty(), identity.replayKey(), "apps show one token to GetId and then to "
                + "GetCredentialsForIdentity");
    }

    @Test
    void unsignedTokenWhenShownThenRefused() {
        assertRefused(new PlainJWT(parse(claims())).serialize(), Reason.INVALID_RESPONSE);
    }

    /** A JWE has no claims to read before it is decrypted: refused, not a NullPointerException (a 500). */
    @Test
    void encryptedTokenWhenShownThenRefused() throws Exception {
        EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
                parse(claims()));
        jwt.encrypt(new RSAEncrypter(key.toRSAPublicKey()));
        assertRefused(jwt.serialize(), Reason.INVALID_RESPONSE);
    }

    @Test
    void hmacKeyedByThePublicKeyWhenShownThenRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                parse(claims()));
        jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        assertRefused(jwt.serialize(), Reason.INVALID_RESPONSE);
    }

    @Test
    void unknownKeyIdWhenShownThenRefused() throws Exception {
        assertRefused(signed(generate("someone-elses"), claims()), Reason.INVALID_RESPONSE);
    }

    @Test
    void anotherKeyUnderTheIdpsKeyIdWhenShownThenRefused() throws Exception {
        assertRefused(signed(generate(key.getKeyID()), claims()), Reason.INVALID_RESPONSE);
    }

    @Test
    void anotherIssuerWhenShownThenRefused() throws Exception {
        assertRefused(signed(key, with(claims(), "iss", "https://evil.example.test")), Reason.INVALID_RESPONSE);
    }

    @Test
    void anotherAudienceWhenShownThenRefused() throws Exception {
        assertRefused(signed(key, with(claims(), "aud", "another-apps-client-id")), Reason.INVALID_RESPONSE);
    }

    @Test
    void expiredWhenShownThenRefused() throws Exception {
        Map<String, Object> claims = with(claims(), "iat", Instant.now().getEpochSecond() - 7200);
        assertRefused(signed(key, with(claims, "exp", Instant.now().getEpochSecond() - 120)),
                Reason.INVALID_RESPONSE);
    }

    @Test
    void notYetValidWhenShownThenRefused() throws Exception {
        assertRefused(signed(key, with(claims(), "nbf", Instant.now().getEpochSecond() + 600)),
                Reason.INVALID_RESPONSE);
        assertRefused(signed(key, with(claims(), "iat", Instant.now().getEpochSecond() + 600)),
                Reason.INVALID_RESPONSE);
    }

    @Test
    void noJwtWhenShownThenRefused() {
        assertRefused("not-a-jwt", Reason.INVALID_RESPONSE);
        assertRefused("", Reason.INVALID_RESPONSE);
    }

    @Test
    void keysAnsweringAServerErrorWhenATokenIsShownThenUnavailable() throws Exception {
        keysAnswer = exchange -> {
            try {
                StandIn.answer(exchange, 503, "text/plain", "down");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertRefused(signed(key, claims()), Reason.UNAVAILABLE);
    }

    @Test
    void keysUnreachableWhenATokenIsShownThenUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertUnavailable(factory("http://127.0.0.1:" + closed + "/keys", Map.of()));
    }

    @Test
    void keysTooSlowWhenATokenIsShownThenUnavailable() throws Exception {
        keysAnswer = exchange -> {
            try {
                Thread.sleep(2500);
                StandIn.answer(exchange, 200, "application/json", new JWKSet(key).toPublicJWKSet().toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertUnavailable(factory(idp.url() + "/keys", Map.of("read-timeout-seconds", "1")));
    }

    private void assertUnavailable(FederationProviderFactory other) throws Exception {
        String token = signed(key, claims());
        try (FederationProvider checker = other.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()))) {
            FederationException refused = assertThrows(FederationException.class, () -> checker
                    .verifyIdentityPoolLogin(IdentityPoolLogin.token(token, AUDIENCE)));
            assertEquals(Reason.UNAVAILABLE, refused.reason());
            assertFalse(refused.getMessage().contains(token), "the message shows the token");
        } finally {
            other.close();
        }
    }

    @Test
    void keysOptionWhenPlainHttpOffThisMachineThenTheFactoryRefusesIt() {
        assertThrows(ProviderInitializationException.class, () -> factory("http://keys.example.test/keys", Map.of()));
    }

    private static JWTClaimsSet parse(Map<String, Object> claims) {
        try {
            return JWTClaimsSet.parse(claims);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
