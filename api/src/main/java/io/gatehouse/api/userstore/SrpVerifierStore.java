package io.gatehouse.api.userstore;

import java.util.Optional;

/**
 * Keeps each user's SRP verifier beside their password, for USER_SRP_AUTH (since API 1.1). The engine computes
 * verifiers and encrypts them before they reach the store: to the store they are opaque bytes of up to 1024.
 *
 * <p>A verifier is only as good as the password it was made from, so a store with this capability drops a user's
 * verifier whenever {@link UserModification#updatePassword} replaces their password; the engine then stores the new
 * one in the same transaction.
 */
public interface SrpVerifierStore {

    /**
     * Stores a user's verifier, replacing any earlier one.
     *
     * @return false when there is no user with that {@code sub}
     */
    boolean setSrpVerifier(String sub, byte[] verifier);

    /** The user's verifier, or empty when they have none (no password, or none set since the store had SRP). */
    Optional<byte[]> srpVerifier(String sub);

    /** Drops the verifiers of every user of the pool (it turned SRP off). */
    void deleteSrpVerifiers();
}
