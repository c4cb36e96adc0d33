package io.gatehouse.providers.userstore.jdbc;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt in its modular-crypt form, {@code $2a$}, {@code $2b$} or {@code $2y$} (Spring Security, Rails' has_secure_password,
 * Laravel, Node's bcrypt, PHP's password_hash, Keycloak's bcrypt extension).
 */
record BcryptHash(String encoded) implements ForeignHash {

    /** Cost 15 is already seconds a check in Java; nothing in use goes past it. */
    static final int MAX_COST = 15;
    /** bcrypt reads no further; implementations that are given more ignore the rest, so must we. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern FORM = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    static Optional<ForeignHash> parse(String encoded) {
        if (!encoded.startsWith("$2")) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(encoded);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a bcrypt hash: expected $2a$, $2b$ or $2y$, a two-digit cost and"
                    + " 53 characters of salt and hash");
        }
        int cost = Integer.parseInt(m.group(1));
        if (cost < 4 || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost " + cost + " is outside 4 to " + MAX_COST);
        }
        return Optional.of(new BcryptHash(encoded));
    }

    @Override
    public boolean matches(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        return OpenBSDBCrypt.checkPassword(encoded, Arrays.copyOf(bytes, Math.min(bytes.length, MAX_PASSWORD_BYTES)));
    }
}
