package io.gatehouse.engine.trigger;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Encrypts the code (or temporary password) a custom sender trigger gets, so that only its receiver can read it.
 * Cognito encrypts it with the AWS Encryption SDK under the KMS key {@code LambdaConfig.KMSKeyID}; Gatehouse has no
 * KMS, so the code is a compact JWE (RFC 7516) for the receiver's public key: {@code RSA-OAEP-256} for an RSA key
 * (2048 bits or more) or {@code ECDH-ES+A256KW} for an EC key (P-256, P-384, P-521), content {@code A256GCM},
 * with {@code kid} and {@code userpool-id} (the pool, as Cognito's encryption context names it) in the protected
 * header. {@code KMSKeyID} names the key either by holding it, a public JWK ({@code {"kty":"RSA",...}}), or by
 * being the {@code kid} of a key in the JWK set file {@code gatehouse.trigger.sender-keys} (so a pool keeps an
 * ARN-shaped value, as Cognito's clients and templates send). The receiver decrypts with its private key in any
 * JOSE library and checks {@code userpool-id}.
 */
@ApplicationScoped
public class CodeEncryption {

    /** The protected header parameter that names the pool the code is from. */
    public static final String USER_POOL_ID = "userpool-id";

    private static final Set<Curve> CURVES = Set.of(Curve.P_256, Curve.P_384, Curve.P_521);

    @Inject
    @ConfigProperty(name = "gatehouse.trigger.sender-keys")
    Optional<String> keySetFile;

    /**
     * The public key {@code kmsKeyId} names.
     *
     * @throws IllegalArgumentException saying why there is none fit for use (for InvalidParameterException)
     */
    public JWK key(String kmsKeyId) {
        return resolve(kmsKeyId, keySetFile.filter(f -> !f.isBlank()).map(Path::of));
    }

    /** Encrypts {@code code} for the key {@code kmsKeyId} names; see the class. */
    public String encrypt(String kmsKeyId, String userPoolId, String code) {
        return encrypt(key(kmsKeyId), userPoolId, code);
    }

    /**
     * The key {@code kmsKeyId} names: a public JWK itself, or the {@code kid} of a key in {@code keySet}.
     *
     * @throws IllegalArgumentException when it names no usable public key
     */
    static JWK resolve(String kmsKeyId, Optional<Path> keySet) {
        if (kmsKeyId == null || kmsKeyId.isBlank()) {
            throw new IllegalArgumentException("is required when a custom sender is configured");
        }
        JWK key;
        if (kmsKeyId.strip().startsWith("{")) {
            try {
                key = JWK.parse(kmsKeyId);
            } catch (ParseException e) {
                throw new IllegalArgumentException("is not a JSON Web Key: " + e.getMessage());
            }
        } else {
            if (keySet.isEmpty()) {
                throw new IllegalArgumentException("is neither a public JWK nor the kid of a key in "
                        + "gatehouse.trigger.sender-keys, which is not set");
            }
            try {
                key = JWKSet.parse(Files.readString(keySet.get())).getKeyByKeyId(kmsKeyId);
            } catch (IOException | ParseException e) {
                throw new IllegalArgumentException("cannot be looked up: the key set gatehouse.trigger.sender-keys "
                        + "does not read (" + e.getClass().getSimpleName() + ")");
            }
            if (key == null) {
                throw new IllegalArgumentException("is neither a public JWK nor the kid of a key in "
                        + "gatehouse.trigger.sender-keys");
            }
        }
        if (key.isPrivate()) {
            throw new IllegalArgumentException("must be a public key: it holds a private key");
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.size() < 2048) {
                throw new IllegalArgumentException("is an RSA key of fewer than 2048 bits");
            }
        } else if (!(key instanceof ECKey ec) || !CURVES.contains(ec.getCurve())) {
            throw new IllegalArgumentException("must be an RSA key or an EC key on P-256, P-384 or P-521");
        }
        return key;
    }

    /** A compact JWE of {@code code} for {@code key}. */
    static String encrypt(JWK key, String userPoolId, String code) {
        boolean rsa = key instanceof RSAKey;
        JWEHeader.Builder header = new JWEHeader.Builder(rsa ? JWEAlgorithm.RSA_OAEP_256 : JWEAlgorithm.ECDH_ES_A256KW,
                EncryptionMethod.A256GCM).customParam(USER_POOL_ID, userPoolId);
        if (key.getKeyID() != null) {
            header.keyID(key.getKeyID());
        }
        JWEObject jwe = new JWEObject(header.build(), new Payload(code));
        try {
            jwe.encrypt(rsa ? new RSAEncrypter((RSAKey) key) : new ECDHEncrypter((ECKey) key));
        } catch (JOSEException e) {
            throw new IllegalStateException("the code could not be encrypted: " + e.getMessage(), e);
        }
        return jwe.serialize();
    }
}
