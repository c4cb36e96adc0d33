package io.gatehouse.providers.mfa.code;

import io.gatehouse.api.mfa.MfaStateException;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.mfa.SecretSealer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * The challenge state of a code sent by message: a random salt, SHA-256 of salt and code, and the expiry, sealed
 * for {@code mfa:<id>:<userPoolId>:<sub>:challenge}. The code itself is never kept. The hash alone would fall to a
 * million guesses, so it is sealed too: without the data key the state gives nothing to guess against, and its
 * expiry cannot be changed.
 *
 * @param expiry when the code stops being accepted
 * @param salt   16 random bytes
 * @param hash   SHA-256 of salt and code
 */
record CodeChallengeState(Instant expiry, byte[] salt, byte[] hash) {

    private static final String FORMAT = "code1";
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A state for {@code code}, expiring at {@code expiry}. */
    static CodeChallengeState of(String code, Instant expiry) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new CodeChallengeState(expiry, salt, hash(salt, code));
    }

    /** Whether {@code answer} is the code, compared in constant time. */
    boolean matches(String answer) {
        return MessageDigest.isEqual(hash, hash(salt, answer));
    }

    String seal(SecretSealer sealer, String id, MfaUser user) {
        Base64.Encoder base64 = Base64.getEncoder();
        return sealer.seal(FORMAT + ":" + expiry.toEpochMilli() + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(hash), context(id, user));
    }

    /** @throws MfaStateException when the state does not open for this user or is not of this format */
    static CodeChallengeState open(SecretSealer sealer, String id, MfaUser user, String sealed) {
        String[] fields = sealer.open(sealed, context(id, user)).split(":", -1);
        if (fields.length != 4 || !fields[0].equals(FORMAT)) {
            throw new MfaStateException("a " + id + " challenge state of an unknown format");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return new CodeChallengeState(Instant.ofEpochMilli(Long.parseLong(fields[1])), base64.decode(fields[2]),
                    base64.decode(fields[3]));
        } catch (IllegalArgumentException e) {
            throw new MfaStateException("a malformed " + id + " challenge state");
        }
    }

    private static String context(String id, MfaUser user) {
        return "mfa:" + id + ":" + user.userPoolId() + ":" + user.sub() + ":challenge";
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "CodeChallengeState[expiry=" + expiry + "]";
    }
}
