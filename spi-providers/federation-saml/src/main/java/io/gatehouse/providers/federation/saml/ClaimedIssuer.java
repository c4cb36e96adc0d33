package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.Optional;

/**
 * The Issuer a message that came unasked names, read without any check but safe parsing, only for the engine to
 * find the IdPs it may be from; each candidate then checks the message in full.
 */
final class ClaimedIssuer {

    private ClaimedIssuer() {
    }

    static Optional<String> of(Callback callback) {
        for (String parameter : new String[] {"SAMLResponse", "SAMLRequest"}) {
            try {
                Optional<Incoming> incoming = Incoming.read(callback, parameter);
                if (incoming.isPresent()) {
                    return issuer(SafeXml.parse(incoming.get().xml()).getDocumentElement());
                }
            } catch (FederationException | SafeXml.RefusedXml | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The message's own Issuer; for a Response without one, its assertion's. */
    private static Optional<String> issuer(Element message) {
        Optional<String> own = childText(message, "Issuer");
        if (own.isPresent()) {
            return own;
        }
        for (Node child = message.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && SAMLConstants.SAML20_NS.equals(element.getNamespaceURI())
                    && "Assertion".equals(element.getLocalName())) {
                return childText(element, "Issuer");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && SAMLConstants.SAML20_NS.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                String text = element.getTextContent().trim();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
