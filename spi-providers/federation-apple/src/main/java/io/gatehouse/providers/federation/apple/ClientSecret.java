package io.gatehouse.providers.federation.apple;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * Sign in with Apple's client secret: not a stored string but a JWT the client signs with the private key Apple
 * issued (ES256, {@code kid} = the key id), naming the team as issuer, the Services ID as subject and Apple as
 * audience. Apple takes one valid for up to six months; this one is made for each token request and lives
 * {@link #LIFETIME}, so a secret that leaks from a request is soon worthless.
 */
final class ClientSecret {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private ClientSecret() {
    }

    /** The secret for one token request, issued at {@code now}. */
    static String sign(AppleIdp idp, Instant now) throws FederationException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(idp.teamId())
                .subject(idp.clientId().getValue())
                .audience(idp.issuer().getValue())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(idp.keyId()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(idp.privateKey()));
        } catch (JOSEException e) {
            throw new FederationException(Reason.UNAVAILABLE, "the IdP " + idp.providerName()
                    + "'s private_key cannot sign its client secret; update it", e);
        }
        return jwt.serialize();
    }

    /**
     * The private key of a {@code .p8} file Apple issued: the PEM of a PKCS #8 EC key on P-256. The message of a
     * refusal never shows the value.
     */
    static ECPrivateKey privateKey(String pem) throws InvalidProviderDetailsException {
        String body = pem.replace("\\n", "\n")
                .replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        if (pem.contains("-----BEGIN") && !pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw refused("a PKCS #8 key (-----BEGIN PRIVATE KEY-----), as in the .p8 file Apple issued");
        }
        try {
            byte[] der = Base64.getDecoder().decode(body);
            if (KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof ECPrivateKey key && Curve.forECParameterSpec(key.getParams()) == Curve.P_256) {
                return key;
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw refused("the PEM of an EC private key");
        }
        throw refused("an EC key on the P-256 curve, which Sign in with Apple keys are");
    }

    private static InvalidProviderDetailsException refused(String what) {
        return new InvalidProviderDetailsException(AppleDetailKeys.PRIVATE_KEY + " must be " + what);
    }
}
