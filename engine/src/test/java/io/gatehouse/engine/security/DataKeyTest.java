package io.gatehouse.engine.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataKeyTest {

    @TempDir
    Path dir;

    private DataKey key(Optional<String> configured, Path file) {
        DataKey key = new DataKey();
        key.configured = configured;
        key.keyFile = file.toString();
        key.previous = Optional.empty();
        key.load();
        return key;
    }

    /** A data key from configuration, as every node of a cluster has it, with previous keys that still open. */
    static DataKey configured(byte[] current, byte[]... previous) {
        DataKey key = new DataKey();
        key.configured = Optional.of(Base64.getEncoder().encodeToString(current));
        key.keyFile = "unused";
        key.previous = Optional.of(java.util.Arrays.stream(previous)
                .map(p -> Base64.getEncoder().encodeToString(p)).toList());
        key.load();
        return key;
    }

    static byte[] bytes(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealWhenOpenedWithSameContextThenPlainAndOtherwiseNothing() {
        DataKey key = key(Optional.empty(), dir.resolve("data-key"));
        byte[] plain = "verifier of alice".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = key.seal(plain, "srp verifier:pool:alice");

        assertThat(key.open(sealed, "srp verifier:pool:alice")).hasValueSatisfying(p -> assertThat(p).isEqualTo(plain));
        assertThat(key.open(sealed, "srp verifier:pool:bob")).as("moved to another user").isEmpty();
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThat(key.open(altered, "srp verifier:pool:alice")).isEmpty();
        assertThat(key.open(new byte[3], "srp verifier:pool:alice")).isEmpty();
        assertThat(key.seal(plain, "c")).as("a fresh IV each time").isNotEqualTo(key.seal(plain, "c"));
    }

    @Test
    void keyFileWhenAbsentThenGeneratedPrivateAndReusedByTheNextStart() throws Exception {
        Path file = dir.resolve("sub/data-key");
        DataKey first = key(Optional.empty(), file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        DataKey second = key(Optional.empty(), file);
        assertThat(second.open(first.seal(new byte[]{1, 2}, "x"), "x")).isPresent();
        assertThat(second.mac("salt")).isEqualTo(first.mac("salt"));
    }

    @Test
    void configuredKeyWhenSetThenUsedAndWhenMalformedThenRefused() {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        DataKey a = key(Optional.of(configured), dir.resolve("unused-a"));
        DataKey b = key(Optional.of(configured), dir.resolve("unused-b"));

        assertThat(b.open(a.seal(new byte[]{7}, "x"), "x")).isPresent();
        assertThat(Files.exists(dir.resolve("unused-a"))).isFalse();
        assertThatThrownBy(() -> key(Optional.of("c2hvcnQ="), dir.resolve("f")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void sealTextWhenOpenedForItsRowThenPlainAndTheKeyIdNamesTheKey() {
        DataKey key = configured(bytes(1));

        String sealed = key.sealText("client-secret-of-one", "user_pool_client.client_secret\u0000pool\u0000one");

        assertThat(key.keyId()).matches("[0-9a-f]{12}");
        assertThat(sealed).startsWith("gh1:" + key.keyId() + ":").doesNotContain("client-secret-of-one");
        assertThat(key.openText(sealed, "user_pool_client.client_secret\u0000pool\u0000one"))
                .isEqualTo("client-secret-of-one");
        assertThat(key.sealedWithCurrentKey(sealed)).isTrue();
        assertThat(configured(bytes(1)).keyId()).as("the same key, the same id on every node").isEqualTo(key.keyId());
        assertThat(configured(bytes(2)).keyId()).isNotEqualTo(key.keyId());
    }

    @Test
    void openTextWhenAlteredOrOfAnotherRowThenRefusedNamingTheRowNotTheValue() {
        DataKey key = configured(bytes(1));
        String context = "signing_key.private_jwk\u0000pool\u0000kid-1";
        String sealed = key.sealText("{\"d\":\"private\"}", context);
        // A character inside the ciphertext: the last one may carry bits the decoder drops.
        int at = sealed.length() - 10;
        String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

        assertThatThrownBy(() -> key.openText(altered, context)).isInstanceOf(SealedValueException.class)
                .hasMessageContaining("signing_key.private_jwk of pool/kid-1").hasMessageContaining("does not open")
                .hasMessageNotContaining("private\"");
        assertThatThrownBy(() -> key.openText(sealed, "signing_key.private_jwk\u0000pool\u0000kid-2"))
                .as("copied to another row").isInstanceOf(SealedValueException.class)
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> key.openText(sealed.replace("gh1:", "gh2:"), context))
                .isInstanceOf(SealedValueException.class).hasMessageContaining("not sealed");
    }

    @Test
    void openTextWhenClearThenRefusedNotTrusted() {
        DataKey key = configured(bytes(1));

        assertThatThrownBy(() -> key.openText("clearsecretstoredbeforesealing", "admin_credential"
                + ".secret_access_key\u0000AKIA")).isInstanceOf(SealedValueException.class)
                .hasMessage("admin_credential.secret_access_key of AKIA is not sealed with a data key; it was stored"
                        + " in clear (or altered) and is not used");
    }

    @Test
    void openTextWhenSealedWithAnotherKeyThenRefusedUnlessThatKeyIsAPreviousOne() {
        DataKey old = configured(bytes(1));
        String sealed = old.sealText("secret", "c");
        DataKey other = configured(bytes(2));
        // The key id names a key this server has, but the value was sealed with another: a forged or mixed-up id.
        String wrongKeyId = sealed.replace(old.keyId(), other.keyId());

        assertThatThrownBy(() -> other.openText(sealed, "c")).isInstanceOf(SealedValueException.class)
                .hasMessageContaining("sealed with data key " + old.keyId() + ", which this server does not have");
        assertThatThrownBy(() -> other.openText(wrongKeyId, "c")).isInstanceOf(SealedValueException.class)
                .hasMessageContaining("does not open with data key " + other.keyId());
        DataKey rotated = configured(bytes(2), bytes(1));
        assertThat(rotated.openText(sealed, "c")).isEqualTo("secret");
        assertThat(rotated.sealedWithCurrentKey(sealed)).isFalse();
        String resealed = rotated.reseal(sealed, "c");
        assertThat(resealed).startsWith("gh1:" + other.keyId() + ":");
        assertThat(other.openText(resealed, "c")).as("the previous key is no longer needed").isEqualTo("secret");
        assertThat(rotated.reseal(resealed, "c")).as("already current: unchanged").isEqualTo(resealed);
        assertThat(rotated.openText(rotated.reseal("clear", "c"), "c")).as("a clear value gets sealed")
                .isEqualTo("clear");
    }

    @Test
    void openWhenBinaryValueSealedByAnotherOrPreviousKeyThenOnlyKnownKeysOpenIt() {
        byte[] sealed = configured(bytes(1)).seal(new byte[]{1, 2, 3}, "srp");

        assertThat(configured(bytes(1)).sealedWithCurrentKey(sealed)).isTrue();
        assertThat(configured(bytes(2), bytes(1)).sealedWithCurrentKey(sealed)).as("to be sealed again").isFalse();
        assertThat(configured(bytes(2)).open(sealed, "srp")).isEmpty();
        assertThat(configured(bytes(2), bytes(1)).open(sealed, "srp")).hasValueSatisfying(
                p -> assertThat(p).containsExactly(1, 2, 3));
    }

    @Test
    void openWhenValueOfTheFirstFormatWithoutKeyIdThenStillOpens() throws Exception {
        // Version 1 (before key ids), as SRP verifiers stored by earlier releases are: 1, nonce, AES-GCM ciphertext.
        byte[] encryption = Hmac.sha256(bytes(1), "gatehouse encryption");
        byte[] iv = new byte[12];
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(encryption, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        cipher.updateAAD("srp".getBytes(StandardCharsets.UTF_8));
        byte[] body = cipher.doFinal(new byte[]{9, 8});
        byte[] v1 = java.nio.ByteBuffer.allocate(1 + 12 + body.length).put((byte) 1).put(iv).put(body).array();

        assertThat(configured(bytes(1)).open(v1, "srp")).hasValueSatisfying(p -> assertThat(p).containsExactly(9, 8));
        assertThat(configured(bytes(2), bytes(1)).open(v1, "srp")).as("after a rotation").isPresent();
        assertThat(configured(bytes(2)).open(v1, "srp")).isEmpty();
        assertThat(configured(bytes(1)).open(v1, "other")).isEmpty();
        assertThat(configured(bytes(1)).sealedWithCurrentKey(v1)).as("to be sealed again, with its key id").isFalse();
    }
}
