package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.error.ServiceException;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cognito's rules on linking developer users, decided from who the logins are linked to now, so that they hold
 * without a database: which identity GetOpenIdTokenForDeveloperIdentity links to, and whether two identities may be
 * merged.
 */
final class DeveloperLinkRules {

    /** Cognito's limit on the logins linked to one identity, which a merge must not pass. */
    static final int MAX_LINKED_LOGINS = 20;

    /** The longest developer user identifier, in UTF-8 bytes: the model's 1024, which the login key can hold. */
    static final int MAX_USER_ID_BYTES = 1024;

    /** A login linked to an identity: its provider and the subject there. */
    record Linked(String provider, String subject) {
    }

    private DeveloperLinkRules() {
    }

    /**
     * The identity a developer user and the caller's other logins are to be linked to, or empty for a new one.
     *
     * @param requested      the IdentityId the call names, known to be of the pool and usable
     * @param developerOwner the identity the developer user is linked to now, if any
     * @param otherOwners    the identities the other logins are linked to now (one entry per linked login)
     * @throws ServiceException {@code DeveloperUserAlreadyRegisteredException} when the developer user is linked to
     *                          an identity other than the one named; {@code ResourceConflictException} when the logins
     *                          are linked to different identities
     */
    static Optional<String> target(Optional<String> requested, Optional<String> developerOwner,
                                   Collection<String> otherOwners) {
        if (requested.isPresent() && developerOwner.isPresent() && !developerOwner.equals(requested)) {
            throw new ServiceException("DeveloperUserAlreadyRegisteredException", "The developer user identifier"
                    + " is already registered with another identity.");
        }
        Set<String> owners = new TreeSet<>(otherOwners);
        requested.ifPresent(owners::add);
        developerOwner.ifPresent(owners::add);
        if (owners.size() > 1) {
            throw new ServiceException("ResourceConflictException", "The logins given are already linked to "
                    + "another identity of this identity pool.");
        }
        return owners.stream().findFirst();
    }

    /**
     * Whether the logins of a source identity may join those of a destination (MergeDeveloperIdentities).
     *
     * @throws ServiceException {@code ResourceConflictException} when both have a login of the same provider (other
     *                          than the developer provider, which may have many users on one identity) for different
     *                          users; {@code InvalidParameterException} when together they have more than
     *                          {@value #MAX_LINKED_LOGINS}
     */
    static void checkMerge(List<Linked> source, List<Linked> destination, String developerProvider) {
        Map<String, String> destinationUsers = new HashMap<>();
        destination.forEach(l -> destinationUsers.put(l.provider(), l.subject()));
        for (Linked login : source) {
            String other = destinationUsers.get(login.provider());
            if (!login.provider().equals(developerProvider) && other != null && !other.equals(login.subject())) {
                throw new ServiceException("ResourceConflictException", "The identities to merge are linked to "
                        + "different users of " + login.provider() + ".");
            }
        }
        if (source.size() + destination.size() > MAX_LINKED_LOGINS) {
            throw ServiceException.invalidParameter("The identities to merge have more than " + MAX_LINKED_LOGINS
                    + " linked logins together.");
        }
    }

    /**
     * A developer user identifier, checked.
     *
     * @throws ServiceException {@code InvalidParameterException} when it is empty or longer than
     *                          {@value #MAX_USER_ID_BYTES} bytes
     */
    static String userId(String developerUserId) {
        if (developerUserId.isEmpty()
                || developerUserId.getBytes(StandardCharsets.UTF_8).length > MAX_USER_ID_BYTES) {
            throw ServiceException.invalidParameter("A developer user identifier is 1 to " + MAX_USER_ID_BYTES
                    + " bytes long.");
        }
        return developerUserId;
    }
}
