package io.gatehouse.api.federation;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The user pool as the party that relies on an IdP: what SAML calls the service provider. The engine keeps its keys
 * in the database, sealed, one set per pool, and rotates them; a provider type uses what it needs of this (SAML signs
 * its requests with the active signing key, decrypts assertions with any encryption key, and names the pool by its
 * entity id), and OIDC types use none of it.
 *
 * @param entityId              the pool's name towards IdPs: Cognito's {@code urn:amazon:cognito:sp:<poolId>}
 * @param assertionConsumerUri  where SAML responses come: the pool's {@code /saml2/idpresponse}
 * @param singleLogoutUri       where SAML sign-out messages come: the pool's {@code /saml2/logout}
 * @param signing               the pool's signing credentials, the active one first; copied
 * @param encryption            the pool's encryption credentials, the active one first (the one published); older
 *                              ones still decrypt what an IdP encrypted before it read the new metadata; copied
 */
public record LocalParty(String entityId, URI assertionConsumerUri, URI singleLogoutUri, List<KeyCredential> signing,
                         List<KeyCredential> encryption) {

    public LocalParty {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(assertionConsumerUri, "assertionConsumerUri");
        Objects.requireNonNull(singleLogoutUri, "singleLogoutUri");
        signing = List.copyOf(signing);
        encryption = List.copyOf(encryption);
    }

    /** The credential that signs now. */
    public KeyCredential activeSigning() {
        if (signing.isEmpty()) {
            throw new IllegalStateException("the pool has no signing credential");
        }
        return signing.get(0);
    }

    /** Names the entity only: never the keys. */
    @Override
    public String toString() {
        return "LocalParty[" + entityId + "]";
    }
}
