package io.gatehouse.providers.federation.saml;

import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.w3c.dom.Element;

import javax.xml.namespace.QName;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The little of OpenSAML's global machinery this module touches: its one-time initialisation, the builders,
 * marshalling to text and unmarshalling from a DOM this module parsed itself (never through OpenSAML's parser pool
 * or its servlet bindings).
 */
final class OpenSaml {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenSaml() {
    }

    /**
     * Loads OpenSAML's object providers and default security configuration into its global registry. Idempotent in
     * effect (a second call reloads the same configuration); slow, about a second, so a factory calls it once.
     */
    static void initialize() throws InitializationException {
        InitializationService.initialize();
    }

    /** A new, empty SAML object of this element, of the class its builder makes. */
    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName element) {
        return (T) XMLObjectSupport.buildXMLObject(element);
    }

    /**
     * A fresh message identifier: an xsd:ID must not start with a digit, and 128 random bits make it unguessable
     * (SAML core 1.3.4).
     */
    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** The object as XML text, from its DOM (marshalling it first when it has none, keeping a signature's DOM). */
    static String toXml(XMLObject object) {
        try {
            Element element = object.getDOM() != null ? object.getDOM() : XMLObjectSupport.marshall(object);
            return SerializeSupport.nodeToString(element);
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot marshal a " + object.getElementQName().getLocalPart(), e);
        }
    }

    /** The SAML object of a DOM element this module parsed (see {@link SafeXml}). */
    static XMLObject unmarshal(Element element) throws UnmarshallingException {
        Unmarshaller unmarshaller = XMLObjectSupport.getUnmarshaller(element);
        if (unmarshaller == null) {
            throw new UnmarshallingException("no unmarshaller for " + element.getLocalName());
        }
        return unmarshaller.unmarshall(element);
    }
}
