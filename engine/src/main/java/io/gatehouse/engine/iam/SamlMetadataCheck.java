package io.gatehouse.engine.iam;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.FederationTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@code SAMLMetadataDocument} as IAM does when it is stored, so that a provider never holds a document its
 * logins could not be checked against: IAM's length (1,000 to 10,000,000 characters), then the installed {@code SAML}
 * federation type's own reading of it as a {@code MetadataFile} (well-formed, no DTD, one IdP entity with an
 * IDPSSODescriptor for SAML 2.0, a single sign-on service, an unexpired signing certificate; at most the type's
 * {@code metadata-max-bytes}). Anything wrong is {@code InvalidInput}, with the type's reason.
 */
@ApplicationScoped
public class SamlMetadataCheck {

    static final int MIN_LENGTH = 1000;
    static final int MAX_LENGTH = 10_000_000;

    @Inject
    FederationTypes types;

    /**
     * Checks {@code document} and reads its {@code validUntil} (the root element's), if it names one.
     *
     * @throws ServiceException {@code InvalidInput} naming what is wrong
     */
    public Optional<Instant> check(String document) {
        if (document.length() < MIN_LENGTH || document.length() > MAX_LENGTH) {
            throw IamAction.invalid("1 validation error detected: Value at 'sAMLMetadataDocument' failed to satisfy"
                    + " constraint: Member must have length between " + MIN_LENGTH + " and " + MAX_LENGTH);
        }
        if (!types.exists("SAML")) {
            throw IamAction.invalid("The SAML metadata document cannot be checked: no federation provider of the"
                    + " type SAML is installed on this server.");
        }
        try (FederationProvider saml = types.named("SAML")) {
            saml.configure(Map.of("MetadataFile", document));
        } catch (InvalidProviderDetailsException e) {
            throw IamAction.invalid("Could not parse metadata: " + e.getMessage());
        }
        return validUntil(document);
    }

    /** The root's {@code validUntil}; read only after the type took the document, with the same care (no DTD). */
    private static Optional<Instant> validUntil(String document) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Document parsed = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                    new StringReader(document)));
            String value = parsed.getDocumentElement().getAttribute("validUntil");
            return value.isBlank() ? Optional.empty()
                    : Optional.of(java.time.OffsetDateTime.parse(value.trim()).toInstant());
        } catch (ParserConfigurationException | SAXException | IOException | DateTimeParseException e) {
            // The type read it already; a validUntil in another form than the usual UTC instant is not shown.
            return Optional.empty();
        }
    }
}
