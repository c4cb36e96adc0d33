package io.gatehouse.engine.userpool;

import java.security.SecureRandom;

/** Identifiers in Cognito's formats, from a cryptographic random source (they are unguessable on purpose). */
public final class Identifiers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER_ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz";

    private Identifiers() {
    }

    /** {@code <region>_<9 alphanumerics>}, like {@code us-east-1_AbCdEf123}. */
    static String userPoolId(String region) {
        return region + "_" + random(ALPHANUMERIC, 9);
    }

    /** 26 lower-case alphanumerics. */
    static String clientId() {
        return random(LOWER_ALPHANUMERIC, 26);
    }

    /** 51 lower-case alphanumerics: about 263 bits. */
    static String clientSecret() {
        return random(LOWER_ALPHANUMERIC, 51);
    }

    /** {@code import-<10 lower-case alphanumerics>}, a user import job. */
    public static String importJobId() {
        return "import-" + random(LOWER_ALPHANUMERIC, 10);
    }

    /** {@code <region>_<uuid>}, a device key (NewDeviceMetadata). */
    public static String deviceKey(String region) {
        return region + "_" + java.util.UUID.randomUUID();
    }

    /** {@code -<9 alphanumerics>}, a device group key: the "pool name" of the device's SRP. */
    public static String deviceGroupKey() {
        return "-" + random(ALPHANUMERIC, 9);
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
