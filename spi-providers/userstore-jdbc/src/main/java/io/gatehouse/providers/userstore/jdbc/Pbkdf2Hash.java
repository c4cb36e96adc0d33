package io.gatehouse.providers.userstore.jdbc;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PBKDF2 with HMAC-SHA-1, -256 or -512, in the three encodings frameworks write:
 * <ul>
 *   <li>Django: {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>} (also {@code pbkdf2_sha1});</li>
 *   <li>Werkzeug (Flask): {@code pbkdf2:sha256:<iterations>$<salt>$<hex hash>} (also sha1, sha512);</li>
 *   <li>passlib: {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>} in its adapted base64 ({@code .} for
 *       {@code +}, no padding; also {@code $pbkdf2$} for SHA-1 and {@code $pbkdf2-sha512$}).</li>
 * </ul>
 * Django and Werkzeug use the salt's characters as the salt; passlib encodes salt bytes.
 */
record Pbkdf2Hash(String digest, int iterations, byte[] salt, byte[] hash) implements ForeignHash {

    /** Ten times OWASP's figure for SHA-256: beyond it a single sign-in takes seconds. */
    static final int MAX_ITERATIONS = 6_000_000;

    private static final Pattern DJANGO = Pattern.compile("pbkdf2_(sha1|sha256)\\$(\\d{1,9})\\$([^$]+)\\$([A-Za-z0-9+/=]+)");
    private static final Pattern WERKZEUG = Pattern.compile(
            "pbkdf2:(sha1|sha256|sha512):(\\d{1,9})\\$([^$]+)\\$([0-9a-f]+)");
    private static final Pattern PASSLIB = Pattern.compile(
            "\\$pbkdf2(|-sha256|-sha512)\\$(\\d{1,9})\\$([./A-Za-z0-9]+)\\$([./A-Za-z0-9]+)");

    static Optional<ForeignHash> parse(String encoded) {
        Matcher m;
        if ((m = DJANGO.matcher(encoded)).matches()) {
            return Optional.of(checked(m.group(1), m.group(2), utf8(m.group(3)), base64(m.group(4))));
        }
        if ((m = WERKZEUG.matcher(encoded)).matches()) {
            return Optional.of(checked(m.group(1), m.group(2), utf8(m.group(3)), HexFormat.of().parseHex(
                    evenHex(m.group(4)))));
        }
        if ((m = PASSLIB.matcher(encoded)).matches()) {
            String digest = m.group(1).isEmpty() ? "sha1" : m.group(1).substring(1);
            return Optional.of(checked(digest, m.group(2), adaptedBase64(m.group(3)), adaptedBase64(m.group(4))));
        }
        if (encoded.startsWith("pbkdf2") || encoded.startsWith("$pbkdf2")) {
            throw new IllegalArgumentException("not a PBKDF2 hash in Django's, Werkzeug's or passlib's form");
        }
        return Optional.empty();
    }

    private static Pbkdf2Hash checked(String digest, String iterations, byte[] salt, byte[] hash) {
        int rounds = Integer.parseInt(iterations);
        if (rounds < 1 || rounds > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations " + rounds + " are outside 1 to " + MAX_ITERATIONS);
        }
        if (hash.length < 16) {
            throw new IllegalArgumentException("a PBKDF2 hash of " + hash.length + " bytes is too short to check");
        }
        return new Pbkdf2Hash(digest, rounds, salt, hash);
    }

    @Override
    public boolean matches(String password) {
        Supplier<Digest> digestOf = switch (digest) {
            case "sha1" -> SHA1Digest::new;
            case "sha256" -> SHA256Digest::new;
            case "sha512" -> SHA512Digest::new;
            default -> throw new IllegalStateException("unknown digest " + digest);
        };
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digestOf.get());
        generator.init(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] derived = ((KeyParameter) generator.generateDerivedParameters(hash.length * 8)).getKey();
        return MessageDigest.isEqual(hash, derived);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PBKDF2 hash is not valid base64");
        }
    }

    private static byte[] adaptedBase64(String text) {
        return base64(text.replace('.', '+'));
    }

    private static String evenHex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("the PBKDF2 hash is not whole bytes of hex");
        }
        return hex;
    }
}
