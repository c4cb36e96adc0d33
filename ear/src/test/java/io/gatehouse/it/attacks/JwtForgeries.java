package io.gatehouse.it.attacks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The ways to forge a JWT from a genuine one, with Nimbus JOSE+JWT: each takes the genuine token and gives the
 * forgery. For the JWT corpus and for the MicroProfile JWT resource server's test.
 */
public final class JwtForgeries {

    private JwtForgeries() {
    }

    /** The header replaced by {@code {"alg": alg, "kid": the genuine kid}}, the signature dropped or kept. */
    public static String unsigned(String token, String alg, boolean dropSignature) throws ParseException {
        String[] parts = token.split("\\.");
        String header = b64("{\"alg\":\"" + alg + "\",\"kid\":\"" + SignedJWT.parse(token).getHeader().getKeyID()
                + "\"}");
        return header + "." + parts[1] + "." + (dropSignature ? "" : parts[2]);
    }

    /** The classic algorithm confusion: HS256, keyed with the RSA public key (which anyone has) as PEM or DER. */
    public static String hmacKeyedWithPublicKey(String token, RSAKey publicKey, boolean pem) throws Exception {
        byte[] der = publicKey.toRSAPublicKey().getEncoded();
        byte[] secret = pem ? ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(
                StandardCharsets.US_ASCII)).encodeToString(der) + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII) : der;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(publicKey.getKeyID()).build(),
                SignedJWT.parse(token).getJWTClaimsSet());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** One header parameter set to {@code value}; payload and signature kept. */
    public static String headerChanged(String token, String name, Object value) throws ParseException {
        String[] parts = token.split("\\.");
        Map<String, Object> header = new LinkedHashMap<>(SignedJWT.parse(token).getHeader().toJSONObject());
        header.put(name, value);
        return b64(JSONObjectUtils.toJSONString(header)) + "." + parts[1] + "." + parts[2];
    }

    /** The genuine claims, under {@code header}, signed by {@code key}. */
    public static String signedBy(String token, JWSHeader header, RSAKey key) throws ParseException, JOSEException {
        SignedJWT jwt = new SignedJWT(header, SignedJWT.parse(token).getJWTClaimsSet());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    public static String signatureStripped(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + parts[1] + ".";
    }

    public static String signatureBitFlipped(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[signature.length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
    }

    /** The claims changed, header and signature kept. */
    public static String payloadChanged(String token, UnaryOperator<JWTClaimsSet.Builder> change)
            throws ParseException {
        String[] parts = token.split("\\.");
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet()))
                .build();
        return parts[0] + "." + b64(claims.toString()) + "." + parts[2];
    }

    /**
     * The claims changed and signed again by {@code key} (the token's own algorithm, the key's kid): only the claims
     * are wrong.
     */
    public static String claimsChanged(String token, RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change)
            throws ParseException, JOSEException {
        JWSAlgorithm algorithm = SignedJWT.parse(token).getHeader().getAlgorithm();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(),
                change.apply(new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
