package io.gatehouse.providers.federation.saml;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses what an IdP sends, and metadata, without letting the XML reach anything: no DOCTYPE at all (which refuses
 * external entities, XXE, and entity expansion, the billion laughs, before they are read), no XInclude, JAXP's
 * secure processing limits. Comments are kept, not dropped, so that {@link #refuseCommentsAndInstructions} can
 * refuse them: a comment inside a NameID ({@code alice@example.com<!---->.evil.test}) is invisible to the signature
 * (exclusive canonicalisation drops comments) but splits the text that a careless reader takes.
 */
final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    /** Why XML was not accepted; the message says what, never the content. */
    static final class RefusedXml extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedXml(String message) {
            super(message);
        }
    }

    /** The document of these bytes, parsed with every hardening above. */
    static Document parse(byte[] xml) throws RefusedXml {
        DocumentBuilder builder;
        synchronized (FACTORY) {
            try {
                builder = FACTORY.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
            }
        }
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not read");
        });
        builder.setErrorHandler(Strict.INSTANCE);
        try {
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            // The parser's own message may quote content (an entity name, an element); only its kind is kept.
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new RefusedXml("the XML has a DOCTYPE, which is refused (entities, external or not)");
            }
            throw new RefusedXml("the XML is malformed (line " + e.getLineNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new RefusedXml("the XML cannot be parsed");
        }
    }

    /**
     * Refuses a comment or a processing instruction anywhere in the document: SAML messages have neither, and a
     * comment is how text that the signature covers is made to read differently.
     */
    static void refuseCommentsAndInstructions(Document document) throws RefusedXml {
        refuseCommentsAndInstructions((Node) document);
    }

    private static void refuseCommentsAndInstructions(Node node) throws RefusedXml {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.COMMENT_NODE -> throw new RefusedXml("the XML holds a comment, which SAML messages never do");
                case Node.PROCESSING_INSTRUCTION_NODE ->
                        throw new RefusedXml("the XML holds a processing instruction, which SAML messages never do");
                case Node.ENTITY_REFERENCE_NODE -> throw new RefusedXml("the XML holds an entity reference");
                case Node.ELEMENT_NODE -> refuseCommentsAndInstructions(child);
                default -> {
                }
            }
        }
    }

    /**
     * Refuses a document in which two attributes named {@code ID} or {@code AssertionID} (in no namespace, as SAML
     * has them, or in any) share a value: a signature's reference {@code #id} must find exactly one element, or an
     * attacker's copy of a signed element can be the one the signature is checked on while another is used.
     */
    static void refuseRepeatedIds(Document document) throws RefusedXml {
        Map<String, Integer> seen = new HashMap<>();
        countIds(document.getDocumentElement(), seen);
        for (Map.Entry<String, Integer> id : seen.entrySet()) {
            if (id.getValue() > 1) {
                throw new RefusedXml("an ID occurs " + id.getValue() + " times in the XML (signature wrapping)");
            }
        }
    }

    private static void countIds(Element element, Map<String, Integer> seen) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
            if (name.equals("ID") || name.equals("AssertionID") || name.equalsIgnoreCase("id")) {
                seen.merge(attribute.getValue(), 1, Integer::sum);
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                countIds(e, seen);
            }
        }
    }

    /** How many elements of this name the document holds, wherever they are. */
    static int count(Document document, String namespace, String localName) {
        return document.getElementsByTagNameNS(namespace, localName).getLength();
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setIgnoringComments(false);
            factory.setCoalescing(false);
            factory.setValidating(false);
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
        return factory;
    }

    /** Every warning and error is fatal: no recovery from malformed XML. */
    private enum Strict implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
