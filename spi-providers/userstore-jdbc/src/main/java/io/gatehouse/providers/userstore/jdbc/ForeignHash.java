package io.gatehouse.providers.userstore.jdbc;

import java.util.Optional;

/**
 * A password hash made by another system and brought in by an import. It is only ever verified: the first sign-in
 * that matches it replaces it with this store's Argon2id hash.
 */
sealed interface ForeignHash permits BcryptHash, Pbkdf2Hash, SaltedShaHash {

    /** Whether {@code password} is the one this hash was made from. */
    boolean matches(String password);

    /**
     * Reads an imported hash.
     *
     * @return empty when the encoding is none of the foreign ones
     * @throws IllegalArgumentException when it is one of them but malformed, or costs more than a sign-in may
     */
    static Optional<ForeignHash> parse(String encoded) {
        Optional<ForeignHash> hash = BcryptHash.parse(encoded);
        if (hash.isEmpty()) {
            hash = Pbkdf2Hash.parse(encoded);
        }
        if (hash.isEmpty()) {
            hash = SaltedShaHash.parse(encoded);
        }
        return hash;
    }
}
