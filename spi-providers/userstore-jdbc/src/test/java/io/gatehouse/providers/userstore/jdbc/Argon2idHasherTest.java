package io.gatehouse.providers.userstore.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2idHasherTest {

    private final Argon2idHasher hasher = new Argon2idHasher(1024, 1, 1);

    @Test
    void hashWhenMadeThenPhcStringWithParametersAndFreshSalt() {
        String first = hasher.hash("pässword");
        String second = hasher.hash("pässword");

        assertThat(first).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify(first, "pässword")).isTrue();
        assertThat(hasher.verify(first, "password")).isFalse();
    }

    @Test
    void verifyWhenHashIsAKnownVectorThenMatches() {
        // Made by the reference implementation's command-line tool (Debian's argon2):
        //   echo -n password | argon2 somesalt -id -t 1 -m 10 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$"
                + "yOmu3JVvan3/Ck1ClA32KGI/Mo6hI1AFq6yTPFcJPiM";
        assertThat(hasher.verify(reference, "password")).isTrue();
        assertThat(hasher.verify(reference, "passwore")).isFalse();
    }

    @Test
    void needsRehashWhenParametersWeakerOrUnreadableThenTrue() {
        String weak = new Argon2idHasher(512, 1, 1).hash("p");

        assertThat(hasher.needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("p"))).isFalse();
        assertThat(hasher.needsRehash("$2a$10$bcrypt")).isTrue();
        assertThat(hasher.verify("garbage", "p")).isFalse();
    }
}
