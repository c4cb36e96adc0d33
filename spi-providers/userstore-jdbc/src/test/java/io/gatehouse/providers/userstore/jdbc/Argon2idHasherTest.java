package io.gatehouse.providers.userstore.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2idHasherTest {

    static List<Argon2Function> implementations() {
        return List.of(new BouncyCastleArgon2(), new NativeArgon2());
    }

    private static Argon2idHasher hasher(Argon2Function function) {
        return new Argon2idHasher(1024, 1, 1, 1, function);
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void hashWhenMadeThenPhcStringWithParametersAndFreshSalt(Argon2Function function) {
        Argon2idHasher hasher = hasher(function);
        String first = hasher.hash("pässword");
        String second = hasher.hash("pässword");

        assertThat(first).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify(first, "pässword")).isTrue();
        assertThat(hasher.verify(first, "password")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("implementations")
    void verifyWhenHashIsAKnownVectorThenMatches(Argon2Function function) {
        // Made by the reference implementation's command-line tool (Debian's argon2):
        //   echo -n password | argon2 somesalt -id -t 1 -m 10 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$"
                + "yOmu3JVvan3/Ck1ClA32KGI/Mo6hI1AFq6yTPFcJPiM";
        assertThat(hasher(function).verify(reference, "password")).isTrue();
        assertThat(hasher(function).verify(reference, "passwore")).isFalse();
    }

    @Test
    void hashesMadeByOneImplementationVerifyWithTheOther() {
        Argon2idHasher java = new Argon2idHasher(2048, 2, 2, 1, new BouncyCastleArgon2());
        Argon2idHasher c = new Argon2idHasher(2048, 2, 2, 1, new NativeArgon2());

        assertThat(c.verify(java.hash("correct horse"), "correct horse")).isTrue();
        assertThat(java.verify(c.hash("correct horse"), "correct horse")).isTrue();
        assertThat(java.verify(c.hash("correct horse"), "correct hors")).isFalse();
    }

    @Test
    void bestWhenTheNativeLibraryLoadsThenIsNative() {
        // This platform (Linux x86-64) has a libargon2 build in argon2-jvm; elsewhere best() is Bouncy Castle.
        assertThat(Argon2Function.best()).isInstanceOf(NativeArgon2.class);
    }

    @Test
    void spendCheckWhenNoUserThenHashesAsACheckWouldAndTheStandInIsMadeOnce() {
        AtomicInteger hashes = new AtomicInteger();
        Argon2Function counting = new Argon2Function() {
            @Override
            public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism,
                               int length) {
                hashes.incrementAndGet();
                return new BouncyCastleArgon2().hash(password, salt, memoryKib, iterations, parallelism, length);
            }

            @Override
            public String description() {
                return "counting";
            }
        };
        Argon2idHasher hasher = new Argon2idHasher(1024, 1, 1, 1, counting);

        hasher.spendCheck("first guess");
        hasher.spendCheck("second guess");

        assertThat(hashes).as("one stand-in hash, then one check per call").hasValue(3);
    }

    @Test
    void needsRehashWhenParametersWeakerOrUnreadableThenTrue() {
        Argon2idHasher hasher = hasher(new BouncyCastleArgon2());
        String weak = new Argon2idHasher(512, 1, 1, 1, new BouncyCastleArgon2()).hash("p");

        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("p"))).isFalse();
        assertThat(hasher.needsRehash("$2a$10$bcrypt")).isTrue();
        assertThat(hasher.verify("garbage", "p")).isFalse();
    }
}
