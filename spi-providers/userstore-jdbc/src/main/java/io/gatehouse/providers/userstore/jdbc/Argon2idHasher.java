package io.gatehouse.providers.userstore.jdbc;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so each hash
 * carries its parameters: they can be raised later and old hashes still verify, then get rehashed.
 *
 * @param memoryKib   memory cost in KiB
 * @param iterations  time cost
 * @param parallelism lanes
 */
record Argon2idHasher(int memoryKib, int iterations, int parallelism) {

    /** OWASP's current minimum for Argon2id: 19 MiB, two iterations, one lane. */
    static final Argon2idHasher OWASP = new Argon2idHasher(19 * 1024, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    Argon2idHasher {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id needs memory >= 8 KiB per lane, and iterations and "
                    + "parallelism of at least 1");
        }
    }

    /** A new hash of {@code password} with a fresh salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code phc}; false for a hash this class cannot read. */
    boolean verify(String phc, String password) {
        Optional<Matcher> parsed = parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Matcher m = parsed.get();
        byte[] expected = B64_DECODE.decode(m.group(5));
        byte[] actual = derive(password, B64_DECODE.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code phc} was made with weaker parameters than this hasher's, or cannot be read. */
    boolean needsRehash(String phc) {
        return parse(phc).map(m -> Integer.parseInt(m.group(1)) < memoryKib
                || Integer.parseInt(m.group(2)) < iterations
                || Integer.parseInt(m.group(3)) < parallelism).orElse(true);
    }

    private static Optional<Matcher> parse(String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        return m.matches() ? Optional.of(m) : Optional.empty();
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                 int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
