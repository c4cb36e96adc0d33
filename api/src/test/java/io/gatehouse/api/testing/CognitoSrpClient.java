package io.gatehouse.api.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The client side of Cognito's SRP, as amazon-cognito-identity-js's AuthenticationHelper and pycognito compute it,
 * written from their formulas for Gatehouse's tests and load driver (it shares no code with the server): SRP_A,
 * then the PASSWORD_VERIFIER (or DEVICE_PASSWORD_VERIFIER) answer from the challenge parameters.
 *
 * <p>One instance keeps one secret a. A real client draws a new one for every sign-in; the load driver reuses an
 * instance per thread, which changes nothing for the server.
 */
public final class CognitoSrpClient {

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
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The libraries' a: 128 random bytes. */
    private static final int LIBRARY_SECRET_BITS = 1024;
    /** k = H(N, g). */
    private static final BigInteger K = hexHash(padHex(N) + padHex(G));

    private final String poolName;
    private final BigInteger a;
    private final BigInteger clientPublic;
    /** A as it is hashed: the same for every answer. */
    private final String clientPublicHex;
    /** g^x by x: a user's x stays the same while their salt and password do. */
    private final Map<BigInteger, BigInteger> powers = new java.util.concurrent.ConcurrentHashMap<>();

    private CognitoSrpClient(String poolName, int secretBits) {
        this.poolName = poolName;
        this.a = new BigInteger(secretBits, RANDOM).setBit(secretBits - 1);
        this.clientPublic = G.modPow(a, N);
        this.clientPublicHex = padHex(clientPublic);
    }

    /** A client for a user of the pool: SRP's pool name is the pool id's part after the underscore. */
    public static CognitoSrpClient forPool(String userPoolId) {
        return forPool(userPoolId, LIBRARY_SECRET_BITS);
    }

    /**
     * A client whose secret a has {@code secretBits} bits instead of the libraries' 1024: the load driver takes 256,
     * as the server does for b, so that its own exponentiation (with a + u·x for exponent) costs it less of the
     * cores it shares with the server. The server sees no difference: A is a number modulo N either way.
     */
    public static CognitoSrpClient forPool(String userPoolId, int secretBits) {
        return new CognitoSrpClient(userPoolId.substring(userPoolId.indexOf('_') + 1), secretBits);
    }

    /** A client for a device's SRP, whose "pool name" is the device group key. */
    public static CognitoSrpClient forDevice(String deviceGroupKey) {
        return new CognitoSrpClient(deviceGroupKey, LIBRARY_SECRET_BITS);
    }

    /**
     * What ConfirmDevice carries, as the library's generateHashDevice makes it: the salt and the verifier of the
     * device's random password, each as base64 of its padded hex's bytes.
     */
    public static Map<String, String> deviceVerifier(String deviceGroupKey, String deviceKey, String randomPassword)
            throws Exception {
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = padHex(new BigInteger(1, saltBytes));
        String inner = HexFormat.of().formatHex(sha256((deviceGroupKey + deviceKey + ":" + randomPassword)
                .getBytes(StandardCharsets.UTF_8)));
        BigInteger verifier = G.modPow(hexHash(salt + inner), N);
        return Map.of("Salt", Base64.getEncoder().encodeToString(bytes(salt)),
                "PasswordVerifier", Base64.getEncoder().encodeToString(bytes(padHex(verifier))));
    }

    /** SRP_A, as the library sends it: lower-case hex, unpadded. */
    public String srpA() {
        return clientPublic.toString(16);
    }

    /**
     * The PASSWORD_VERIFIER answer (USERNAME, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP, PASSWORD_CLAIM_SIGNATURE).
     *
     * @param challenge the challenge parameters InitiateAuth returned
     */
    public Map<String, String> answer(Map<String, String> challenge, String password, Instant now) throws Exception {
        return answer(challenge.get("USER_ID_FOR_SRP"), challenge.get("USER_ID_FOR_SRP"), challenge, password, now);
    }

    /**
     * The answer proving {@code password} for {@code userId} (the user's id for SRP, or a device key), sent as
     * {@code username}.
     */
    public Map<String, String> answer(String userId, String username, Map<String, String> challenge, String password,
                               Instant now) throws Exception {
        BigInteger serverPublic = new BigInteger(challenge.get("SRP_B"), 16);
        BigInteger salt = new BigInteger(challenge.get("SALT"), 16);
        BigInteger u = hexHash(clientPublicHex + padHex(serverPublic));
        String inner = HexFormat.of().formatHex(sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8)));
        BigInteger x = hexHash(padHex(salt) + inner);
        BigInteger gx = powers.computeIfAbsent(x, e -> G.modPow(e, N));
        BigInteger s = serverPublic.subtract(K.multiply(gx)).modPow(a.add(u.multiply(x)), N);
        byte[] prk = hmac(bytes(padHex(u)), bytes(padHex(s)));
        byte[] key = Arrays.copyOf(hmac(prk, "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8)), 16);
        String timestamp = TIMESTAMP.format(now);
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.writeBytes(poolName.getBytes(StandardCharsets.UTF_8));
        message.writeBytes(userId.getBytes(StandardCharsets.UTF_8));
        message.writeBytes(Base64.getDecoder().decode(challenge.get("SECRET_BLOCK")));
        message.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        Map<String, String> answer = new HashMap<>();
        answer.put("USERNAME", username);
        answer.put("PASSWORD_CLAIM_SECRET_BLOCK", challenge.get("SECRET_BLOCK"));
        answer.put("TIMESTAMP", timestamp);
        answer.put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(hmac(key, message.toByteArray())));
        return answer;
    }

    /**
     * The library's padHex: even-length hex, with "00" in front when the first digit is 8 or more. That is the hex
     * of the two's-complement bytes of a non-negative number, which is quicker to get than toString(16)'s division.
     */
    public static String padHex(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("SRP numbers are not negative");
        }
        return HexFormat.of().formatHex(value.toByteArray());
    }

    private static BigInteger hexHash(String hex) {
        return new BigInteger(1, sha256(bytes(hex)));
    }

    private static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
