package io.gatehouse.engine.srp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * What the server keeps to check SRP proofs of a password without the password: a salt and v = g^x mod N. It can
 * be attacked offline like a password hash (one modular exponentiation a guess), so it is stored encrypted.
 *
 * @param salt the salt, sent to clients as SALT
 * @param v    the verifier
 */
public record SrpVerifier(BigInteger salt, BigInteger v) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new verifier of {@code password} for the user, with a fresh 128-bit salt. */
    public static SrpVerifier create(String poolName, String userId, String password) {
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        BigInteger salt = new BigInteger(1, saltBytes);
        BigInteger x = SrpGroup.privateKey(salt, poolName, userId, password);
        return new SrpVerifier(salt, SrpGroup.G.modPow(x, SrpGroup.N));
    }

    /** The verifier as bytes: the salt's length, the salt, then v. */
    public byte[] toBytes() {
        byte[] s = SrpGroup.padded(salt);
        byte[] value = SrpGroup.padded(v);
        return ByteBuffer.allocate(2 + s.length + value.length).putShort((short) s.length).put(s).put(value).array();
    }

    /**
     * Reads {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not a verifier
     */
    public static SrpVerifier fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < 4) {
            throw new IllegalArgumentException("not an SRP verifier");
        }
        int saltLength = buffer.getShort();
        if (saltLength < 1 || saltLength > bytes.length - 3) {
            throw new IllegalArgumentException("not an SRP verifier");
        }
        byte[] s = new byte[saltLength];
        buffer.get(s);
        byte[] value = new byte[buffer.remaining()];
        buffer.get(value);
        return new SrpVerifier(new BigInteger(1, s), new BigInteger(1, value));
    }
}
