package io.gatehouse.engine.trigger;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom senders' encrypted codes, decrypted as a receiver does: with its private key, in a JOSE library. */
class CodeEncryptionTest {

    @Test
    void encryptWhenKmsKeyIdIsAnRsaPublicJwkThenTheReceiverDecryptsWithItsPrivateKey() throws Exception {
        RSAKey receiver = new RSAKeyGenerator(2048).keyID("sender-1").generate();

        String code = CodeEncryption.encrypt(CodeEncryption.resolve(receiver.toPublicJWK().toJSONString(),
                Optional.empty()), "us-east-1_Pool", "123456");

        JWEObject jwe = JWEObject.parse(code);
        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwe.getHeader().getKeyID()).isEqualTo("sender-1");
        assertThat(jwe.getHeader().getCustomParam(CodeEncryption.USER_POOL_ID)).isEqualTo("us-east-1_Pool");
        assertThat(code).doesNotContain("123456");
        jwe.decrypt(new RSADecrypter(receiver));
        assertThat(jwe.getPayload().toString()).isEqualTo("123456");
    }

    @Test
    void encryptWhenKmsKeyIdIsAnEcPublicJwkThenEcdhEsWithKeyWrap() throws Exception {
        ECKey receiver = new ECKeyGenerator(Curve.P_256).generate();

        JWEObject jwe = JWEObject.parse(CodeEncryption.encrypt(CodeEncryption.resolve(
                receiver.toPublicJWK().toJSONString(), Optional.empty()), "us-east-1_Pool", "Temp-Pass-1!"));

        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        jwe.decrypt(new ECDHDecrypter(receiver));
        assertThat(jwe.getPayload().toString()).isEqualTo("Temp-Pass-1!");
    }

    @Test
    void resolveWhenKmsKeyIdIsAKidThenTheKeyOfTheServersKeySet(@TempDir Path dir) throws Exception {
        String arn = "arn:aws:kms:us-east-1:000000000000:key/sender";
        RSAKey receiver = new RSAKeyGenerator(2048).keyID(arn).generate();
        Path keys = dir.resolve("sender-keys.json");
        Files.writeString(keys, new JWKSet(receiver.toPublicJWK()).toString());

        JWEObject jwe = JWEObject.parse(CodeEncryption.encrypt(CodeEncryption.resolve(arn, Optional.of(keys)),
                "us-east-1_Pool", "654321"));

        jwe.decrypt(new RSADecrypter(receiver));
        assertThat(jwe.getPayload().toString()).isEqualTo("654321");
        assertThatThrownBy(() -> CodeEncryption.resolve("arn:aws:kms:us-east-1:000000000000:key/other",
                Optional.of(keys))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kid");
        assertThatThrownBy(() -> CodeEncryption.resolve(arn, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not set");
    }

    @Test
    void resolveWhenTheKeyCannotServeThenRefusedSayingWhy() throws Exception {
        RSAKey withPrivate = new RSAKeyGenerator(2048).generate();
        assertThatThrownBy(() -> CodeEncryption.resolve(withPrivate.toJSONString(), Optional.empty()))
                .hasMessageContaining("private");
        RSAKey small = new RSAKeyGenerator(1024, true).generate();
        assertThatThrownBy(() -> CodeEncryption.resolve(small.toPublicJWK().toJSONString(), Optional.empty()))
                .hasMessageContaining("2048");
        assertThatThrownBy(() -> CodeEncryption.resolve("{not json", Optional.empty()))
                .hasMessageContaining("JSON Web Key");
        assertThatThrownBy(() -> CodeEncryption.resolve("", Optional.empty())).hasMessageContaining("required");
        String secret = "{\"kty\":\"oct\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}";
        assertThatThrownBy(() -> CodeEncryption.resolve(secret, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
