package io.gatehouse.engine.srp;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SRP-6a group and encodings Cognito's clients use (amazon-cognito-identity-js's AuthenticationHelper, Amplify,
 * pycognito): the 3072-bit MODP prime of RFC 3526, g = 2, SHA-256, and numbers hashed in their two's-complement
 * byte form ({@link #padded}), the form Java's {@link BigInteger#toByteArray()} gives.
 */
public final class SrpGroup {

    /** RFC 3526's 3072-bit MODP group (RFC 5054 names the same prime). */
    public static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
            + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
            + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
            + "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
            + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
            + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
            + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
            + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16);
    public static final BigInteger G = BigInteger.TWO;
    /** The multiplier k = H(N, g). */
    public static final BigInteger K = hashToNumber(padded(N), padded(G));

    private SrpGroup() {
    }

    /** A non-negative number as the clients hash it: big-endian, with a leading zero byte when the top bit is set. */
    public static byte[] padded(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("SRP numbers are not negative");
        }
        return value.toByteArray();
    }

    /** SHA-256 over the concatenated parts, as a non-negative number. */
    public static BigInteger hashToNumber(byte[]... parts) {
        return new BigInteger(1, sha256(parts));
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /**
     * The private key x = H(salt, H(poolName | userId | ":" | password)). The inner hash goes in as the bytes its
     * hex spells: the clients concatenate hex strings and hash what they decode to.
     */
    public static BigInteger privateKey(BigInteger salt, String poolName, String userId, String password) {
        byte[] inner = sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return hashToNumber(padded(salt), inner);
    }

    /**
     * A non-negative number in the lower-case hex the challenge parameters carry: no padding, no leading zeros.
     * Through its bytes rather than {@link BigInteger#toString(int)}, which converts a 3072-bit number by repeated
     * division: 25 µs per SRP_B against under 2 µs, for what is only a change of notation.
     */
    public static String hex(BigInteger value) {
        String hex = HexFormat.of().formatHex(padded(value));
        int start = 0;
        while (start < hex.length() - 1 && hex.charAt(start) == '0') {
            start++;
        }
        return hex.substring(start);
    }

    /**
     * Parses a client's hex number.
     *
     * @throws IllegalArgumentException when it is not hex
     */
    public static BigInteger parseHex(String hex) {
        if (hex == null || hex.isEmpty() || hex.length() > 2048) {
            throw new IllegalArgumentException("not an SRP number");
        }
        return new BigInteger(1, HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : "0" + hex));
    }
}
