package io.gatehouse.providers.mfa.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Rfc6238Test {

    /** RFC 6238 appendix B: the SHA-1 rows, with the 20-byte ASCII key "12345678901234567890" and 8 digits. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void codeWhenRfcAppendixBVectorsThenSame(long unixSeconds, String expected) {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

        assertEquals(expected, Rfc6238.code(key, Rfc6238.step(Instant.ofEpochSecond(unixSeconds)), 8));
    }

    @Test
    void codeWhenRandomKeysAndTimesThenSameAsIndependentLibrary() throws Exception {
        SecureRandom random = new SecureRandom();
        TimeBasedOneTimePasswordGenerator library = new TimeBasedOneTimePasswordGenerator();
        for (int i = 0; i < 500; i++) {
            byte[] key = new byte[20];
            random.nextBytes(key);
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L));

            String expected = library.generateOneTimePasswordString(new SecretKeySpec(key, "RAW"), at,
                    java.util.Locale.ROOT);

            assertEquals(expected, Rfc6238.code(key, Rfc6238.step(at), 6), "at " + at);
        }
    }

    @Test
    void stepWhenOnBoundariesThenThirtySecondSteps() {
        assertEquals(0, Rfc6238.step(Instant.ofEpochSecond(29)));
        assertEquals(1, Rfc6238.step(Instant.ofEpochSecond(30)));
        assertEquals(-1, Rfc6238.step(Instant.ofEpochSecond(-1)));
    }
}
