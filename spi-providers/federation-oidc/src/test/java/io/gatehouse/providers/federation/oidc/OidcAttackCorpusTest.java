package io.gatehouse.providers.federation.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.providers.federation.oauth.PendingSignIn;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an attacker, a compromised network or a confused IdP sends, and what a naive OIDC client would let sign in.
 * Each case changes one thing of an otherwise honest sign-in; the provider must refuse every one as
 * INVALID_RESPONSE, and say why without showing a token.
 */
class OidcAttackCorpusTest extends ScriptedIdpTestBase {

    @Test
    void idTokenSignedByAnotherKeyUnderTheIdpsKeyIdIsRefused() throws Exception {
        RSAKey forger = ScriptedIdp.newKey(idp.signingKey.getKeyID());
        idp.idTokens = grant -> ScriptedIdp.signed(forger, idp.honestClaims(grant).build());

        assertMessage(refused(Reason.INVALID_RESPONSE), "Invalid signature");
    }

    @Test
    void idTokenSignedByAKeyTheIdpDoesNotPublishIsRefused() throws Exception {
        RSAKey unknown = ScriptedIdp.newKey("not-published");
        idp.idTokens = grant -> ScriptedIdp.signed(unknown, idp.honestClaims(grant).build());

        assertMessage(refused(Reason.INVALID_RESPONSE), "no matching key");
    }

    @Test
    void unsignedIdTokenAlgNoneIsRefused() throws Exception {
        idp.idTokens = grant -> new PlainJWT(idp.honestClaims(grant).build()).serialize();

        assertMessage(refused(Reason.INVALID_RESPONSE), "Signed ID token expected");
    }

    @Test
    void idTokenMacedWithTheIdpsPublicKeyIsRefused() throws Exception {
        // The classic confusion: a validator that takes HS256 and the IdP's RSA key uses the public key as secret.
        byte[] publicKey = idp.signingKey.toRSAPublicKey().getEncoded();
        idp.idTokens = grant -> hs256(publicKey, idp.signingKey.getKeyID(), idp.honestClaims(grant).build());

        assertMessage(refused(Reason.INVALID_RESPONSE), "not valid");
    }

    @Test
    void idTokenMacedWithTheClientSecretIsRefused() throws Exception {
        byte[] secret = ScriptedIdp.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8);
        idp.idTokens = grant -> hs256(secret, null, idp.honestClaims(grant).build());

        assertMessage(refused(Reason.INVALID_RESPONSE), "not valid");
    }

    @Test
    void idTokenOfAnotherIssuerIsRefused() throws Exception {
        idp.idTokens = grant -> signed(idp.honestClaims(grant).issuer("https://evil.example.test"));

        assertMessage(refused(Reason.INVALID_RESPONSE), "issuer");
    }

    @Test
    void idTokenForAnotherClientIsRefused() throws Exception {
        idp.idTokens = grant -> signed(idp.honestClaims(grant).audience("another-client"));

        assertMessage(refused(Reason.INVALID_RESPONSE), "audience");
    }

    @Test
    void expiredIdTokenIsRefused() throws Exception {
        idp.idTokens = grant -> signed(timed(idp.honestClaims(grant),
                Duration.ofMinutes(-20), Duration.ofMinutes(-10)));

        assertMessage(refused(Reason.INVALID_RESPONSE), "Expired");
    }

    @Test
    void idTokenIssuedInTheFutureIsRefused() throws Exception {
        idp.idTokens = grant -> signed(timed(idp.honestClaims(grant), Duration.ofMinutes(10), Duration.ofMinutes(20)));

        assertMessage(refused(Reason.INVALID_RESPONSE), "issue time");
    }

    @Test
    void idTokenExpiredByTheProvidersClockIsRefused() throws Exception {
        // Valid by the system clock, not by the clock the engine gives the provider.
        provider.close();
        provider = newProvider(Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

        assertMessage(refused(Reason.INVALID_RESPONSE), "Expired");
    }

    @Test
    void idTokenIssuedAfterTheProvidersNowIsRefused() throws Exception {
        provider.close();
        provider = newProvider(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));

        assertMessage(refused(Reason.INVALID_RESPONSE), "issue time");
    }

    @Test
    void idTokenWithAnotherSignInsNonceIsRefused() throws Exception {
        idp.idTokens = grant -> signed(idp.honestClaims(grant).claim("nonce", "nonce-of-another-sign-in"));

        FederationException refused = refused(Reason.INVALID_RESPONSE);
        assertMessage(refused, "nonce");
        assertFalse(refused.getMessage().contains("nonce-of-another-sign-in"), refused.getMessage());
    }

    @Test
    void idTokenWithoutNonceIsRefused() throws Exception {
        idp.idTokens = grant -> signed(idp.honestClaims(grant).claim("nonce", null));

        assertMessage(refused(Reason.INVALID_RESPONSE), "nonce");
    }

    @Test
    void accessTokenPassedOffAsIdTokenIsRefused() throws Exception {
        // A JWT access token (RFC 9068) of the same IdP, with every ID token claim: its type gives it away.
        idp.idTokens = grant -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(idp.signingKey.getKeyID()).type(new JOSEObjectType("at+jwt")).build(),
                        idp.honestClaims(grant).build());
                jwt.sign(new RSASSASigner(idp.signingKey));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        assertMessage(refused(Reason.INVALID_RESPONSE), "type");
    }

    @Test
    void userinfoOfAnotherSubjectIsRefused() throws Exception {
        idp.userInfo = Map.of("sub", "someone-else", "email", "mallory@example.com");

        assertMessage(refused(Reason.INVALID_RESPONSE), "another subject");
    }

    @Test
    void codeOfAnotherSignInIsRefusedByItsPkceVerifierEvenWithItsNonce() throws Exception {
        // The victim's code, injected into the attacker's sign-in, and the nonce made to match: PKCE alone stops it.
        IdentityProviderSettings settings = settings();
        SignInStart attackers = begin(settings);
        SignInStart victims = begin(settings);
        Map<String, List<String>> victimsCallback = Browser.signIn(victims.outgoing(), CALLBACK);
        String pending = new PendingSignIn(OidcFederationProvider.FORMAT,
                PendingSignIn.fromJson(OidcFederationProvider.FORMAT, attackers.pendingState()).codeVerifier(),
                PendingSignIn.fromJson(OidcFederationProvider.FORMAT, victims.pendingState()).nonce()).toJson();

        FederationException refused = assertThrows(FederationException.class, () -> provider.complete(settings,
                new Callback(CALLBACK, victimsCallback), pending));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertMessage(refused, "invalid_grant");
    }

    @Test
    void callbackNamingAnotherIssuerIsRefused() throws Exception {
        IdentityProviderSettings settings = settings();
        SignInStart start = begin(settings);
        Map<String, List<String>> parameters = new HashMap<>(Browser.signIn(start.outgoing(), CALLBACK));
        parameters.put("iss", List.of("https://evil.example.test"));

        FederationException refused = assertThrows(FederationException.class, () -> provider.complete(settings,
                new Callback(CALLBACK, parameters), start.pendingState()));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertEquals(0, idp.tokenCalls.size(), "the code went to the token endpoint");
    }

    @Test
    void pendingStateThatIsNotThisProvidersIsRefused() throws Exception {
        IdentityProviderSettings settings = settings();
        SignInStart start = begin(settings);
        Callback callback = new Callback(CALLBACK, Browser.signIn(start.outgoing(), CALLBACK));

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(settings, callback, "{\"format\":\"oidc1\",\"nonce\":\"n\"}"));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void discoveryDocumentNamingAnotherIssuerIsRefused() {
        idp.discoveryChanges.put("issuer", "https://evil.example.test");

        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> provider.configure(idp.details()));
        assertTrue(refused.getMessage().contains("https://evil.example.test"), refused.getMessage());
        assertTrue(refused.getMessage().contains("oidc_issuer"), refused.getMessage());
    }

    /** The claims issued and expiring at these offsets from now. */
    private static JWTClaimsSet.Builder timed(JWTClaimsSet.Builder claims, Duration issued, Duration expires) {
        Instant now = Instant.now();
        return claims.issueTime(Date.from(now.plus(issued))).expirationTime(Date.from(now.plus(expires)));
    }

    private String signed(JWTClaimsSet.Builder claims) {
        return ScriptedIdp.signed(idp.signingKey, claims.build());
    }

    private static String hs256(byte[] secret, String keyId, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertMessage(FederationException refused, String fragment) {
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
        assertFalse(refused.getMessage().matches(".*eyJ[A-Za-z0-9_-]{10,}.*"), "the message shows a token");
    }
}
