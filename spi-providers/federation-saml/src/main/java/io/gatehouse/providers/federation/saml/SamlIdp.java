package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.LocalParty;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import static io.gatehouse.providers.federation.saml.SamlDetailKeys.ENCRYPTED_RESPONSES;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.IDP_INIT;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.IDP_SIGNOUT;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.METADATA_FILE;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.METADATA_URL;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.REQUEST_SIGNING_ALGORITHM;

/**
 * A SAML IdP as a sign-in or sign-out needs it: its metadata as it is now (from the factory's cache), its switches,
 * and the pool's side towards it.
 *
 * @param metadata           the IdP's metadata
 * @param idpSignout         {@code IDPSignout}: sign-outs go on to the IdP, and the IdP's own are taken
 * @param idpInit            {@code IDPInit}: sign-ins the IdP begins are taken
 * @param encryptedResponses {@code EncryptedResponses}: only encrypted assertions are taken
 * @param signRequests       whether AuthnRequests are signed ({@code RequestSigningAlgorithm}, or the metadata's
 *                           {@code WantAuthnRequestsSigned})
 * @param localParty         the pool's entity id, endpoints and keys
 */
record SamlIdp(IdpMetadata metadata, boolean idpSignout, boolean idpInit, boolean encryptedResponses,
               boolean signRequests, LocalParty localParty) {

    /**
     * The IdP of these settings.
     *
     * @throws FederationException UNAVAILABLE when its metadata cannot be had
     * @throws IllegalStateException when the engine gave no local party, which it always gives for a sign-in
     */
    static SamlIdp of(IdentityProviderSettings settings, MetadataCache metadata, Instant now)
            throws FederationException {
        LocalParty party = settings.localParty().orElseThrow(() -> new IllegalStateException(
                "a SAML sign-in needs the pool's local party, which the engine did not give"));
        IdpMetadata idp = metadata(settings, metadata, now);
        return new SamlIdp(idp, isTrue(settings, IDP_SIGNOUT), isTrue(settings, IDP_INIT),
                isTrue(settings, ENCRYPTED_RESPONSES),
                settings.detail(REQUEST_SIGNING_ALGORITHM).isPresent() || idp.wantAuthnRequestsSigned(), party);
    }

    static IdpMetadata metadata(IdentityProviderSettings settings, MetadataCache cache, Instant now)
            throws FederationException {
        try {
            Optional<String> url = settings.detail(METADATA_URL);
            if (url.isPresent()) {
                return cache.fromUrl(URI.create(url.get().trim()), now);
            }
            Optional<String> file = settings.detail(METADATA_FILE);
            if (file.isPresent()) {
                return cache.fromFile(file.get(), now);
            }
        } catch (MetadataException | IllegalArgumentException e) {
            throw Refusal.unavailable("the IdP's SAML metadata cannot be used: " + e.getMessage(), e);
        }
        throw Refusal.unavailable("the IdP has neither MetadataURL nor MetadataFile", null);
    }

    static boolean isTrue(IdentityProviderSettings settings, String key) {
        return settings.detail(key).filter("true"::equals).isPresent();
    }

    /** The IdP's entity id: the Issuer of everything it sends. */
    String entityId() {
        return metadata.entityId();
    }

    @Override
    public String toString() {
        return "SamlIdp[" + metadata.entityId() + "]";
    }
}
