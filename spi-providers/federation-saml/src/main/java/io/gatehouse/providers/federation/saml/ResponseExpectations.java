package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.KeyCredential;

import java.util.List;
import java.util.Set;

/**
 * What a Response must be to be taken, besides well-formed and current: whom it comes from, whom it is for and
 * where it was sent. A user pool's sign-in expects exactly its own entity id and ACS; an identity pool's login the
 * names an assertion for AWS carries, any of them.
 *
 * @param metadata       the IdP's metadata: its entity id (the Issuer) and signing certificates
 * @param audiences      the audiences an AudienceRestriction may name (each restriction must name one of them)
 * @param recipients     the Destination of the Response and the Recipient of its bearer confirmation (one of them)
 * @param encryptedOnly  whether only an encrypted assertion is taken
 * @param decryptionKeys the keys an EncryptedAssertion may be encrypted for; none: an encrypted assertion is refused
 * @param receiver       how a message names the receiver, in refusals ("this pool", "an identity pool")
 */
record ResponseExpectations(IdpMetadata metadata, Set<String> audiences, Set<String> recipients,
                            boolean encryptedOnly, List<KeyCredential> decryptionKeys, String receiver) {

    ResponseExpectations {
        audiences = Set.copyOf(audiences);
        recipients = Set.copyOf(recipients);
        decryptionKeys = List.copyOf(decryptionKeys);
    }

    /** A user pool's sign-in through this IdP: its entity id, its ACS, its encryption keys. */
    static ResponseExpectations of(SamlIdp idp) {
        return new ResponseExpectations(idp.metadata(), Set.of(idp.localParty().entityId()),
                Set.of(idp.localParty().assertionConsumerUri().toString()), idp.encryptedResponses(),
                idp.localParty().encryption(), "this pool");
    }

    /** The IdP's entity id: the Issuer of everything it sends. */
    String entityId() {
        return metadata.entityId();
    }

    /** The expected values, sorted, for a refusal's message (they are configuration, never the message's). */
    static String named(Set<String> values) {
        return String.join(" or ", values.stream().sorted().toList());
    }
}
