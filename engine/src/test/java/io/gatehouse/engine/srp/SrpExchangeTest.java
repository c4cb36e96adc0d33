package io.gatehouse.engine.srp;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's SRP against a client computed as amazon-cognito-identity-js's AuthenticationHelper computes it
 * (S = (B - k·g^x)^(a + u·x), the HKDF, the signature), written out here from the library's formulas.
 */
class SrpExchangeTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void multiplierWhenComputedThenCognitosKnownValue() {
        assertThat(SrpGroup.K.toString(16)).isEqualTo("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6");
        assertThat(SrpGroup.N.bitLength()).isEqualTo(3072);
    }

    @Test
    void paddedWhenTopBitSetThenLeadingZeroByte() {
        assertThat(SrpGroup.padded(new BigInteger("80", 16))).containsExactly(0x00, 0x80);
        assertThat(SrpGroup.padded(new BigInteger("7f", 16))).containsExactly(0x7f);
    }

    @Test
    void hexWhenAnyNumberThenWhatToStringGivesInBase16() {
        assertThat(SrpGroup.hex(BigInteger.ZERO)).isEqualTo("0");
        assertThat(SrpGroup.hex(BigInteger.valueOf(0x0f))).isEqualTo("f");
        assertThat(SrpGroup.hex(BigInteger.valueOf(0x80))).isEqualTo("80");
        assertThat(SrpGroup.hex(BigInteger.valueOf(0x100))).isEqualTo("100");
        for (int bits : new int[] {1, 7, 8, 9, 127, 128, 3071, 3072}) {
            BigInteger value = new BigInteger(bits, RANDOM);
            assertThat(SrpGroup.hex(value)).as("%d bits", bits).isEqualTo(value.toString(16));
        }
        assertThat(SrpGroup.hex(SrpGroup.N)).isEqualTo(SrpGroup.N.toString(16));
    }

    @Test
    void timestampWhenSingleDigitDayThenNotPaddedAndParsedBack() {
        Instant instant = Instant.parse("2024-03-05T09:03:07Z");
        assertThat(SrpTimestamp.format(instant)).isEqualTo("Tue Mar 5 09:03:07 UTC 2024");
        assertThat(SrpTimestamp.parse("Tue Mar 5 09:03:07 UTC 2024")).contains(instant);
        assertThat(SrpTimestamp.parse("2024-03-05T09:03:07Z")).isEmpty();
        assertThat(SrpTimestamp.parse("Wed Mar 5 09:03:07 UTC 2024")).as("wrong weekday").isEmpty();
    }

    @Test
    void proofWhenClientKnowsThePasswordThenMatchesAndOtherwiseNot() throws Exception {
        SrpVerifier verifier = SrpVerifier.create("AbCdEf123", "alice", "Correct-Horse-1");
        assertThat(SrpVerifier.fromBytes(verifier.toBytes())).isEqualTo(verifier);
        byte[] block = new byte[64];
        RANDOM.nextBytes(block);
        String timestamp = SrpTimestamp.format(Instant.now());

        assertThat(attempt(verifier, "Correct-Horse-1", block, timestamp, timestamp)).isTrue();
        assertThat(attempt(verifier, "Correct-Horse-2", block, timestamp, timestamp)).isFalse();
        assertThat(attempt(verifier, "Correct-Horse-1", block, timestamp, "Mon Jan 1 00:00:00 UTC 2024"))
                .as("a signature over another timestamp").isFalse();
    }

    @Test
    void beginWhenClientValueIsZeroModNThenRefused() {
        SrpVerifier verifier = SrpVerifier.create("p", "u", "pw");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SrpExchange.begin(SrpGroup.N, verifier.v()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SrpExchange.begin(BigInteger.ZERO, verifier.v()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** One sign-in: the client's side as the library computes it, the server's check of its signature. */
    private static boolean attempt(SrpVerifier verifier, String password, byte[] block, String signedTime,
                                   String presentedTime) throws Exception {
        BigInteger a = new BigInteger(1, randomBytes(128));
        BigInteger clientPublic = SrpGroup.G.modPow(a, SrpGroup.N);
        SrpExchange server = SrpExchange.begin(clientPublic, verifier.v());

        BigInteger u = SrpGroup.hashToNumber(SrpGroup.padded(clientPublic), SrpGroup.padded(server.serverPublic()));
        BigInteger x = SrpGroup.privateKey(verifier.salt(), "AbCdEf123", "alice", password);
        BigInteger s = server.serverPublic().subtract(SrpGroup.K.multiply(SrpGroup.G.modPow(x, SrpGroup.N)))
                .modPow(a.add(u.multiply(x)), SrpGroup.N);
        byte[] prk = hmac(SrpGroup.padded(u), SrpGroup.padded(s));
        byte[] key = Arrays.copyOf(hmac(prk, "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8)), 16);
        byte[] message = concat("AbCdEf123".getBytes(StandardCharsets.UTF_8), "alice".getBytes(StandardCharsets.UTF_8),
                block, signedTime.getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getEncoder().encodeToString(hmac(key, message));

        return SrpExchange.proofMatches(server.sharedKey(verifier.v()).orElseThrow(), "AbCdEf123", "alice", block,
                presentedTime, signature);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] hmac(byte[] key, byte[] message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message);
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
