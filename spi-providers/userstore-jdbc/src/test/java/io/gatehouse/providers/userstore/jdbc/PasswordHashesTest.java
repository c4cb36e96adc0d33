package io.gatehouse.providers.userstore.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hashes made by other systems, checked against the password they were made from. The vectors were made with
 * {@value #PASSWORD} by the real implementations: bcrypt by libxcrypt (Python's crypt), Werkzeug's
 * generate_password_hash, and Python's hashlib for Django's, passlib's and LDAP's encodings of PBKDF2 and SHA.
 */
class PasswordHashesTest {

    static final String PASSWORD = "Fj0rd-välkommen!";

    private final PasswordHashes hashes = new PasswordHashes(new Argon2idHasher(1024, 1, 1, 1, new BouncyCastleArgon2()));

    @ParameterizedTest
    @ValueSource(strings = {
            "$2b$05$whLzb2WUws11BnIfA4wvd.MhUfJmAH1lijsmSn/YGJ7YHwMUek0t6",
            "$2y$05$gxupqXs1McDUHXSENqIR8.eDxIck2E9TutWg.NwP4NyQjRygT1vJe",
            "pbkdf2:sha256:1000$jINQaQyal4cJmKxw$2b3a7dca79152e3305bf345eaf4261d85fe37788ce4d5651fd23b9c5039088d4",
            "pbkdf2:sha512:1000$FgxQ3wpNVUeb$000f56a6282df10f08abc4983bb84a764377d67bae1a58824e320cd8aac0fcf3fd0484057f"
                    + "9952d41325b4f0a495caea40c59ebe6a861edbd7847c2f0ba0928a",
            "pbkdf2_sha256$1200$u7ZQ3yk1Xr9pLm2S$ijiashF5tw8EosrXx4fiA2DmMdwQVAtaZNMsKv+0gnw=",
            "$pbkdf2-sha256$1500$obLD1OX2Bxg$0t0Se96ZHEg6EH31r5OnRk9b1BCiqbuH.TTmu96HXqg",
            "{SSHA256}7ACUq8NaPwGKryG5xdaHgVKQILBjwhn5IFo09zklvnoBAgMEBQYHCA==",
            "{SSHA512}T2KNDRyyOoVTAgSblIZ+y1WsZX6yrQIAxKtW2HWlWRSIbRnNGiGGlCVlMPLPg5RW75vK8EMyE751EyK/NnfuCgECAwQFBgcI"
    })
    void verifyWhenForeignHashThenOnlyItsPasswordMatchesAndItIsRehashed(String foreign) {
        String stored = PasswordHashes.importable(foreign);

        assertThat(hashes.verify(stored, PASSWORD)).isTrue();
        assertThat(hashes.verify(stored, PASSWORD.toUpperCase())).isFalse();
        assertThat(hashes.verify(stored, "")).isFalse();
        assertThat(hashes.needsRehash(stored)).isTrue();
    }

    @Test
    void importableWhenSpringPrefixThenStrippedAndArgon2idKeptAsItIs() {
        String bcrypt = "$2b$05$whLzb2WUws11BnIfA4wvd.MhUfJmAH1lijsmSn/YGJ7YHwMUek0t6";
        assertThat(PasswordHashes.importable("{bcrypt}" + bcrypt)).isEqualTo(bcrypt);
        String argon2 = new Argon2idHasher(2048, 2, 2, 1, new BouncyCastleArgon2()).hash(PASSWORD);
        assertThat(PasswordHashes.importable("{argon2}" + argon2)).isEqualTo(argon2);
        assertThat(hashes.verify(argon2, PASSWORD)).isTrue();
    }

    @Test
    void importableWhenUnknownMalformedOrTooCostlyThenRefusedWithoutEchoingTheHash() {
        assertThatThrownBy(() -> PasswordHashes.importable("5f4dcc3b5aa765d61d8327deb882cf99"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no scheme")
                .hasMessageNotContaining("5f4dcc3b");
        assertThatThrownBy(() -> PasswordHashes.importable("$2b$05$tooShort"))
                .hasMessageContaining("not a bcrypt hash");
        assertThatThrownBy(() -> PasswordHashes.importable(
                "$2b$20$whLzb2WUws11BnIfA4wvd.MhUfJmAH1lijsmSn/YGJ7YHwMUek0t6"))
                .hasMessageContaining("bcrypt cost 20");
        assertThatThrownBy(() -> PasswordHashes.importable("pbkdf2_sha256$9000000$salt$ijiashF5tw8EosrXx4fiA2DmMdwQ"
                + "VAtaZNMsKv+0gnw=")).hasMessageContaining("iterations 9000000");
        assertThatThrownBy(() -> PasswordHashes.importable("$argon2id$v=19$m=1048576,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA"
                + "$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA")).hasMessageContaining("m=1048576");
        assertThatThrownBy(() -> PasswordHashes.importable("{MD5}X03MO1qnZdYdgyfeuILPmQ==")).hasMessageContaining("{SSHA}");
        assertThatThrownBy(() -> PasswordHashes.importable("{SSHA256}7ACUq8NaPwGKryG5xdaHgVKQILBjwhn5IFo09zklvno="))
                .hasMessageContaining("no salt");
    }

    @Test
    void verifyWhenStoredHashUnreadableThenFalse() {
        assertThat(hashes.verify("garbage", PASSWORD)).isFalse();
        assertThat(hashes.verify("$2b$05$bad", PASSWORD)).isFalse();
    }
}
