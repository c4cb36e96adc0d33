package io.gatehouse.providers.userstore.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The store's password hashes: its own Argon2id, and hashes that imports brought from other systems (bcrypt,
 * PBKDF2, salted SHA), which are checked in their own scheme until a sign-in replaces them.
 */
final class PasswordHashes {

    /** Prefixes Spring Security's DelegatingPasswordEncoder puts before hashes that are otherwise standard. */
    private static final String[] SPRING_PREFIXES = {"{bcrypt}", "{argon2}"};

    private final Argon2idHasher argon2;

    PasswordHashes(Argon2idHasher argon2) {
        this.argon2 = argon2;
    }

    /** A new hash of {@code password} in the store's own scheme. */
    String hash(String password) {
        return argon2.hash(password);
    }

    /** Whether {@code password} matches {@code stored}, in whichever scheme it is; false for an unreadable hash. */
    boolean verify(String stored, String password) {
        if (Argon2idHasher.reads(stored)) {
            return argon2.verify(stored, password);
        }
        try {
            return ForeignHash.parse(stored).map(h -> h.matches(password)).orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code stored} should be replaced at this sign-in: a foreign scheme, or weaker Argon2id parameters. */
    boolean needsRehash(String stored) {
        return argon2.needsRehash(stored);
    }

    /** Spends what checking a password costs, for users who do not exist. */
    void spendCheck(String password) {
        argon2.spendCheck(password);
    }

    /**
     * An imported hash as the store will keep it.
     *
     * @throws IllegalArgumentException when it is in no scheme the store reads, or costs too much to check
     */
    static String importable(String encoded) {
        String hash = encoded.strip();
        for (String prefix : SPRING_PREFIXES) {
            if (hash.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                hash = hash.substring(prefix.length());
            }
        }
        if (hash.startsWith("$argon2")) {
            Argon2idHasher.checkImportable(hash);
            return hash;
        }
        Optional<ForeignHash> foreign = ForeignHash.parse(hash);
        if (foreign.isEmpty()) {
            throw new IllegalArgumentException("the password hash is in no scheme Gatehouse reads (Argon2id, bcrypt, "
                    + "PBKDF2 in Django's, Werkzeug's or passlib's form, {SSHA256}/{SSHA512}/{SSHA})");
        }
        return hash;
    }
}
