package io.gatehouse.it.attacks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The forgeries every verifier of a user pool's RS256 tokens must refuse, whatever the token's kind (access token,
 * ID token): algorithm confusion, foreign keys, stripped or flipped signatures, claims changed under the genuine
 * signature, and claims wrong under the pool's own key. Each corpus adds the forgeries of its own kind (audience and
 * client, token_use).
 */
final class SignedTokenForgeries {

    /**
     * What the forgeries are made with.
     *
     * @param poolKey         the pool's private key of the token's kind (what re-signs claims)
     * @param publishedKey    the same key as the pool's JWKS publishes it (public)
     * @param attackerKey     a key of the attacker's
     * @param otherPoolToken  a genuine token of the same kind from another pool
     * @param poolIssuer      the pool's issuer
     */
    record Keys(RSAKey poolKey, RSAKey publishedKey, RSAKey attackerKey, String otherPoolToken, String poolIssuer) {
    }

    /** A forged token made from a genuine one. */
    record Forgery(String name, Forge forge) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Forge {
        String make(String genuine) throws Exception;
    }

    private SignedTokenForgeries() {
    }

    /** The forgeries of {@link #signed} for RS256, and those of a user pool's claims. */
    static List<Forgery> common(Keys keys) {
        return java.util.stream.Stream.concat(signed(keys, JWSAlgorithm.RS256).stream(), userPoolClaims(keys).stream())
                .toList();
    }

    /**
     * The forgeries every verifier of tokens signed with {@code algorithm} must refuse: algorithm confusion, foreign
     * keys, stripped or flipped signatures, changed claims under the genuine signature, expiry, validity times and
     * issuer wrong under the issuer's own key.
     */
    static List<Forgery> signed(Keys keys, JWSAlgorithm algorithm) {
        String kid = keys.poolKey().getKeyID();
        return List.of(
                new Forgery("alg none, signature dropped", t -> JwtForgeries.unsigned(t, "none", true)),
                new Forgery("alg none, signature kept", t -> JwtForgeries.unsigned(t, "none", false)),
                new Forgery("alg None, signature dropped", t -> JwtForgeries.unsigned(t, "None", true)),
                new Forgery("HS256 keyed with the pool's public key as PEM",
                        t -> JwtForgeries.hmacKeyedWithPublicKey(t, keys.publishedKey(), true)),
                new Forgery("HS256 keyed with the pool's public key as DER",
                        t -> JwtForgeries.hmacKeyedWithPublicKey(t, keys.publishedKey(), false)),
                new Forgery("the kid of another pool's key, signature kept", t -> JwtForgeries.headerChanged(t, "kid",
                        SignedJWT.parse(keys.otherPoolToken()).getHeader().getKeyID())),
                new Forgery("another pool's token with this pool as issuer", t -> JwtForgeries.payloadChanged(
                        keys.otherPoolToken(), b -> b.issuer(keys.poolIssuer()))),
                new Forgery("jku pointing to the attacker's key set", t -> attackerSigned(keys, t,
                        new JWSHeader.Builder(algorithm).keyID(keys.attackerKey().getKeyID())
                                .jwkURL(URI.create("https://attacker.example/jwks.json")))),
                new Forgery("jku pointing to the attacker's key set, with the pool's kid", t -> attackerSigned(keys, t,
                        new JWSHeader.Builder(algorithm).keyID(kid)
                                .jwkURL(URI.create("https://attacker.example/jwks.json")))),
                new Forgery("x5u pointing to the attacker's certificate", t -> attackerSigned(keys, t,
                        new JWSHeader.Builder(algorithm).keyID(kid)
                                .x509CertURL(URI.create("https://attacker.example/c.pem")))),
                new Forgery("the attacker's key embedded as jwk", t -> attackerSigned(keys, t, new JWSHeader.Builder(
                        algorithm).keyID(kid).jwk(keys.attackerKey().toPublicJWK()))),
                new Forgery("the attacker's key embedded as jwk, no kid", t -> attackerSigned(keys, t,
                        new JWSHeader.Builder(algorithm).jwk(keys.attackerKey().toPublicJWK()))),
                new Forgery("signature stripped", JwtForgeries::signatureStripped),
                new Forgery("signature bit-flipped", JwtForgeries::signatureBitFlipped),
                new Forgery("payload's expiry extended, signature kept", t -> JwtForgeries.payloadChanged(t,
                        b -> b.expirationTime(Date.from(Instant.now().plus(Duration.ofDays(365)))))),
                new Forgery("header's alg changed to PS256, signature kept", t -> JwtForgeries.headerChanged(t, "alg",
                        "PS256")),
                new Forgery("signed by the pool's key, expired", t -> resigned(keys, t, b -> b
                        .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                        .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1)))))),
                new Forgery("signed by the pool's key, expired a second ago", t -> resigned(keys, t, b -> b
                        .expirationTime(Date.from(Instant.now().minusSeconds(1))))),
                new Forgery("signed by the pool's key, without an expiry", t -> resigned(keys, t, b -> b
                        .expirationTime(null))),
                new Forgery("signed by the pool's key, not valid before tomorrow", t -> resigned(keys, t, b -> b
                        .notBeforeTime(Date.from(Instant.now().plus(Duration.ofDays(1)))))),
                new Forgery("signed by the pool's key, issued tomorrow", t -> resigned(keys, t, b -> b
                        .issueTime(Date.from(Instant.now().plus(Duration.ofDays(1))))
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(1)).plus(Duration.ofHours(1)))))),
                new Forgery("signed by the pool's key, issuer elsewhere", t -> resigned(keys, t, b -> b
                        .issuer("https://attacker.example/" + keys.poolIssuer().substring(
                                keys.poolIssuer().lastIndexOf('/') + 1)))),
                new Forgery("signed by the pool's key, issuer another pool", t -> {
                    String otherIssuer = SignedJWT.parse(keys.otherPoolToken()).getJWTClaimsSet().getIssuer();
                    return resigned(keys, t, b -> b.issuer(otherIssuer));
                }),
                new Forgery("signed by the pool's key, issuer with a trailing path", t -> resigned(keys, t, b -> b
                        .issuer(keys.poolIssuer() + "/x"))),
                new Forgery("signed by the pool's key, sub of no one", t -> resigned(keys, t, b -> b
                        .subject(UUID.randomUUID().toString()))));
    }

    /** The forgeries of the claims only a user pool's tokens carry, under the pool's own key. */
    static List<Forgery> userPoolClaims(Keys keys) {
        return List.of(
                new Forgery("signed by the pool's key, without token_use", t -> resigned(keys, t, b -> b
                        .claim("token_use", null))),
                new Forgery("signed by the pool's key, no origin_jti", t -> resigned(keys, t, b -> b
                        .claim("origin_jti", null))));
    }

    /** The genuine claims changed and signed again by the pool's key: only the claims are wrong. */
    static String resigned(Keys keys, String token, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return JwtForgeries.claimsChanged(token, keys.poolKey(), change);
    }

    private static String attackerSigned(Keys keys, String token, JWSHeader.Builder header) throws Exception {
        return JwtForgeries.signedBy(token, header.type(JOSEObjectType.JWT).build(), keys.attackerKey());
    }
}
