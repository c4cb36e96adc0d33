package io.gatehouse.providers.userstore.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salted SHA as LDAP directories store it (OpenLDAP, 389 Directory Server, ApacheDS, Spring's LDAP encoders):
 * {@code {SSHA256}} or {@code {SSHA512}} (and the older SHA-1 {@code {SSHA}}) followed by
 * base64(digest(password || salt) || salt). One round of a fast digest: such hashes are why users are rehashed at
 * their first sign-in.
 */
record SaltedShaHash(String algorithm, byte[] digest, byte[] salt) implements ForeignHash {

    private static final Map<String, String> ALGORITHMS = Map.of("SSHA", "SHA-1", "SSHA256", "SHA-256",
            "SSHA512", "SHA-512");
    private static final Map<String, Integer> LENGTHS = Map.of("SHA-1", 20, "SHA-256", 32, "SHA-512", 64);
    private static final Pattern FORM = Pattern.compile("\\{(SSHA|SSHA256|SSHA512)}([A-Za-z0-9+/=]+)",
            Pattern.CASE_INSENSITIVE);

    static Optional<ForeignHash> parse(String encoded) {
        Matcher m = FORM.matcher(encoded);
        if (!m.matches()) {
            if (encoded.startsWith("{")) {
                throw new IllegalArgumentException("of the {SCHEME} hashes, only {SSHA}, {SSHA256} and {SSHA512} "
                        + "are read");
            }
            return Optional.empty();
        }
        String algorithm = ALGORITHMS.get(m.group(1).toUpperCase(java.util.Locale.ROOT));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the salted SHA hash is not valid base64");
        }
        int length = LENGTHS.get(algorithm);
        if (bytes.length <= length) {
            throw new IllegalArgumentException("the salted " + algorithm + " hash has no salt after its digest");
        }
        return Optional.of(new SaltedShaHash(algorithm, Arrays.copyOf(bytes, length),
                Arrays.copyOfRange(bytes, length, bytes.length)));
    }

    @Override
    public boolean matches(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance(algorithm);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            sha.update(salt);
            return MessageDigest.isEqual(digest, sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }
}
