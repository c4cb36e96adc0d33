package io.gatehouse.providers.federation.saml;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.w3c.dom.Document;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What this module needs of an IdP's SAML 2.0 metadata, read and checked: its entity id, where its single sign-on
 * and single logout services are (HTTP-Redirect and HTTP-POST bindings only), the certificates it signs with, and
 * how long the document may be kept.
 *
 * <p>The metadata's own signature is not checked: nothing tells which key should have signed it. It is trusted as
 * the administrator's choice: a file they gave, or a URL they named.
 *
 * @param entityId                the IdP's entity id: the Issuer of everything it sends
 * @param ssoRedirect             its SingleSignOnService with the HTTP-Redirect binding
 * @param ssoPost                 its SingleSignOnService with the HTTP-POST binding
 * @param sloRedirect             its SingleLogoutService with the HTTP-Redirect binding
 * @param sloPost                 its SingleLogoutService with the HTTP-POST binding
 * @param signingCertificates     the certificates of KeyDescriptors for signing (or for no stated use), in order;
 *                                expired ones included (see {@link #currentSigningCertificates})
 * @param wantAuthnRequestsSigned whether the IdP asks for signed AuthnRequests
 * @param validUntil              the document's {@code validUntil}, if it has one
 * @param cacheDuration           the document's {@code cacheDuration}, if it has one
 */
record IdpMetadata(String entityId, Optional<SamlEndpoint> ssoRedirect, Optional<SamlEndpoint> ssoPost,
                   Optional<SamlEndpoint> sloRedirect, Optional<SamlEndpoint> sloPost,
                   List<X509Certificate> signingCertificates, boolean wantAuthnRequestsSigned,
                   Optional<Instant> validUntil, Optional<Duration> cacheDuration) {

    /** SAML core 8.3.6: an entity id is at most 1024 characters. */
    private static final int MAX_ENTITY_ID = 1024;

    IdpMetadata {
        Objects.requireNonNull(entityId, "entityId");
        signingCertificates = List.copyOf(signingCertificates);
    }

    /**
     * Reads metadata and checks what Cognito checks: one EntityDescriptor (alone, or the only one of an
     * EntitiesDescriptor) with an IDPSSODescriptor for SAML 2.0, a single sign-on service by HTTP-Redirect or
     * HTTP-POST, and a signing certificate that has not expired at {@code now}.
     *
     * @throws MetadataException naming what is wrong
     */
    static IdpMetadata parse(String xml, Instant now) throws MetadataException {
        Document document;
        try {
            document = SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8));
        } catch (SafeXml.RefusedXml e) {
            throw new MetadataException("the metadata cannot be read: " + e.getMessage());
        }
        XMLObject root;
        try {
            root = OpenSaml.unmarshal(document.getDocumentElement());
        } catch (UnmarshallingException | RuntimeException e) {
            throw new MetadataException("the metadata is not SAML 2.0 metadata");
        }
        EntityDescriptor entity = entity(root);
        String entityId = entity.getEntityID();
        if (entityId == null || entityId.isBlank() || entityId.length() > MAX_ENTITY_ID) {
            throw new MetadataException("the metadata's EntityDescriptor has no usable entityID");
        }
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (idp == null) {
            throw new MetadataException("the metadata has no IDPSSODescriptor supporting SAML 2.0");
        }
        Optional<SamlEndpoint> ssoRedirect = endpoint(idp.getSingleSignOnServices(),
                SAMLConstants.SAML2_REDIRECT_BINDING_URI, "SingleSignOnService");
        Optional<SamlEndpoint> ssoPost = endpoint(idp.getSingleSignOnServices(),
                SAMLConstants.SAML2_POST_BINDING_URI, "SingleSignOnService");
        if (ssoRedirect.isEmpty() && ssoPost.isEmpty()) {
            throw new MetadataException(
                    "the metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding");
        }
        IdpMetadata metadata = new IdpMetadata(entityId, ssoRedirect, ssoPost,
                endpoint(idp.getSingleLogoutServices(), SAMLConstants.SAML2_REDIRECT_BINDING_URI,
                        "SingleLogoutService"),
                endpoint(idp.getSingleLogoutServices(), SAMLConstants.SAML2_POST_BINDING_URI, "SingleLogoutService"),
                signingCertificates(idp), Boolean.TRUE.equals(idp.getWantAuthnRequestsSigned()),
                Optional.ofNullable(entity.getValidUntil()).or(() -> validUntil(root)),
                Optional.ofNullable(entity.getCacheDuration()).or(() -> cacheDuration(root)));
        if (metadata.signingCertificates.isEmpty()) {
            throw new MetadataException("the metadata has no signing certificate (a KeyDescriptor with use=\"signing\""
                    + " or no use, holding an X509Certificate)");
        }
        if (metadata.currentSigningCertificates(now).isEmpty()) {
            throw new MetadataException("every signing certificate in the metadata has expired");
        }
        return metadata;
    }

    /** The signing certificates that have not expired at {@code now}: only these check signatures. */
    List<X509Certificate> currentSigningCertificates(Instant now) {
        return signingCertificates.stream().filter(c -> c.getNotAfter().toInstant().isAfter(now)).toList();
    }

    /** Where AuthnRequests go: by redirect when the IdP takes it (no page of ours in between), else by post. */
    SamlEndpoint singleSignOn() {
        return ssoRedirect.or(() -> ssoPost).orElseThrow();
    }

    /** Where LogoutRequests and LogoutResponses go: by redirect when the IdP takes it, else by post. */
    Optional<SamlEndpoint> singleLogout() {
        return sloRedirect.or(() -> sloPost);
    }

    /** Names the entity only. */
    @Override
    public String toString() {
        return "IdpMetadata[" + entityId + "]";
    }

    private static EntityDescriptor entity(XMLObject root) throws MetadataException {
        if (root instanceof EntityDescriptor entity) {
            return entity;
        }
        if (root instanceof EntitiesDescriptor entities) {
            if (entities.getEntityDescriptors().size() == 1 && entities.getEntitiesDescriptors().isEmpty()) {
                return entities.getEntityDescriptors().get(0);
            }
            throw new MetadataException("the metadata describes " + entities.getEntityDescriptors().size()
                    + " entities; it must describe one IdP");
        }
        throw new MetadataException("the metadata's root is not an EntityDescriptor");
    }

    private static Optional<Instant> validUntil(XMLObject root) {
        return root instanceof EntitiesDescriptor entities ? Optional.ofNullable(entities.getValidUntil())
                : Optional.empty();
    }

    private static Optional<Duration> cacheDuration(XMLObject root) {
        return root instanceof EntitiesDescriptor entities ? Optional.ofNullable(entities.getCacheDuration())
                : Optional.empty();
    }

    private static Optional<SamlEndpoint> endpoint(List<? extends Endpoint> endpoints, String binding, String what)
            throws MetadataException {
        for (Endpoint endpoint : endpoints) {
            if (binding.equals(endpoint.getBinding())) {
                URI location = SamlUrls.endpoint(endpoint.getLocation(), what);
                Optional<URI> response = endpoint.getResponseLocation() == null || endpoint.getResponseLocation()
                        .isBlank() ? Optional.empty()
                        : Optional.of(SamlUrls.endpoint(endpoint.getResponseLocation(), what));
                return Optional.of(new SamlEndpoint(location, response));
            }
        }
        return Optional.empty();
    }

    private static List<X509Certificate> signingCertificates(IDPSSODescriptor idp) throws MetadataException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            UsageType use = key.getUse();
            if (use == null || use == UsageType.SIGNING || use == UsageType.UNSPECIFIED) {
                try {
                    certificates.addAll(KeyInfoSupport.getCertificates(key.getKeyInfo()));
                } catch (CertificateException e) {
                    throw new MetadataException("a signing certificate in the metadata cannot be read");
                }
            }
        }
        return certificates;
    }
}
