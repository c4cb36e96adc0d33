package io.gatehouse.engine.threat.breach;

import io.gatehouse.api.password.PasswordSha1;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The corpus the build put in the engine's classes: what it holds, what it does not, and what it costs. */
class OfflineBreachCorpusTest {

    private static OfflineBreachCorpus corpus;
    private static long loadNanos;

    @BeforeAll
    static void load() {
        long start = System.nanoTime();
        corpus = OfflineBreachCorpus.builtIn();
        loadNanos = System.nanoTime() - start;
    }

    @Test
    void holdsTheHundredThousandMostCommonPasswords() {
        assertThat(corpus.size()).isEqualTo(100_000);
        assertThat(corpus.bytes()).isEqualTo(800_016);
        System.out.printf("[breached-corpus] %d passwords, %d bytes, loaded in %.1f ms%n", corpus.size(),
                corpus.bytes(), loadNanos / 1e6);
    }

    @Test
    void findsWellKnownBreachedPasswords() {
        // The list's first entries, and ones that pass Cognito's default policy (P@ssw0rd is its 15,407th).
        for (String password : List.of("123456", "password", "qwerty", "iloveyou", "P@ssw0rd", "Passw0rd",
                "trustno1")) {
            assertThat(corpus.contains(PasswordSha1.of(password))).as(password).isTrue();
        }
    }

    @Test
    void passwordsCountExactlyAsGiven() {
        assertThat(corpus.contains(PasswordSha1.of("P@ssw0rd"))).isTrue();
        assertThat(corpus.contains(PasswordSha1.of("P@SSW0RD"))).isFalse();
        assertThat(corpus.contains(PasswordSha1.of(" P@ssw0rd"))).isFalse();
    }

    @Test
    void theTestSuitesPasswordsAreNotInIt() {
        // Passwords the ITs sign up and sign in with: the default blocks breached ones, so none may be.
        for (String password : List.of("Correct-Horse-9", "Corr3ct-Horse!", "Browser-Pass-1", "Token-Pass-1",
                "Sign-Up-Pass-1", "Sign-In-Pass-1", "Battery-Staple-7", "Fj0rd-välkommen!")) {
            assertThat(corpus.contains(PasswordSha1.of(password))).as(password).isFalse();
        }
    }

    /**
     * The false-positive rate, measured: a million random passwords, none in the list, should match no 64-bit
     * prefix (expected 1,000,000 × 100,000 / 2^64 ≈ 5 × 10^-9 of one). Also times the lookup.
     */
    @Test
    void randomPasswordsAreNotFound() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[12];
        int n = 1_000_000;
        PasswordSha1[] digests = new PasswordSha1[n];
        for (int i = 0; i < n; i++) {
            random.nextBytes(bytes);
            digests[i] = PasswordSha1.of(Base64.getEncoder().encodeToString(bytes));
        }
        int found = 0;
        long start = System.nanoTime();
        for (PasswordSha1 digest : digests) {
            if (corpus.contains(digest)) {
                found++;
            }
        }
        long nanos = System.nanoTime() - start;
        assertThat(found).isZero();
        System.out.printf("[breached-corpus] %d random passwords, %d found; %.0f ns a lookup (digest made)%n", n,
                found, (double) nanos / n);
    }

    @Test
    void writesAndReadsItsFormat() throws IOException {
        OfflineBreachCorpus small = OfflineBreachCorpus.of(new long[]{PasswordSha1.of("b").first64Bits(),
                PasswordSha1.of("a").first64Bits(), PasswordSha1.of("a").first64Bits()});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        small.write(out);
        OfflineBreachCorpus read = OfflineBreachCorpus.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.size()).isEqualTo(2);
        assertThat(read.contains(PasswordSha1.of("a"))).isTrue();
        assertThat(read.contains(PasswordSha1.of("c"))).isFalse();
    }

    @Test
    void refusesADamagedFile() {
        ByteBuffer unsorted = ByteBuffer.allocate(28).putInt(0x47484250).putInt(1).putInt(2).putLong(5).putLong(3);
        assertThatThrownBy(() -> OfflineBreachCorpus.read(new ByteArrayInputStream(unsorted.array())))
                .isInstanceOf(IOException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> OfflineBreachCorpus.read(new ByteArrayInputStream(new byte[]{1, 2, 3, 4, 5, 6, 7, 8})))
                .isInstanceOf(IOException.class);
    }
}
