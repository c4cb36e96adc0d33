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
        key.load();
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
}
