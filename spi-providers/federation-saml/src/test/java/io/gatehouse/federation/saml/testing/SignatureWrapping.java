package io.gatehouse.federation.saml.testing;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XML signature wrapping attacks (Somorovsky et al., "On Breaking SAML", 2012) as DOM manipulations of a validly
 * signed Response: each keeps the signed element (so its signature still verifies where it now is) and puts an evil
 * element, for {@link #EVIL_SUBJECT}, where a careless relying party would read it.
 */
public final class SignatureWrapping {

    public static final String EVIL_SUBJECT = "admin@evil.test";

    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private SignatureWrapping() {
    }

    /**
     * The signed assertion moved into the Response's Extensions; in its place an evil, unsigned copy with another
     * ID. Input: a Response whose assertion is signed.
     */
    public static String signedAssertionMovedToExtensions(String signedResponse) {
        Document document = TestSaml.parse(signedResponse);
        Element response = document.getDocumentElement();
        Element signed = assertion(document);
        Element evil = evilCopy(signed, true);
        response.replaceChild(evil, signed);
        Element extensions = document.createElementNS(PROTOCOL, "samlp:Extensions");
        extensions.appendChild(signed);
        response.insertBefore(extensions, statusOf(response));
        return TestSaml.toXml(document);
    }

    /**
     * An evil, unsigned assertion with another ID carrying the original signature, whose ds:Object holds the signed
     * assertion (XSW-7/8). Input: a Response whose assertion is signed.
     */
    public static String signedAssertionMovedToSignatureObject(String signedResponse) {
        Document document = TestSaml.parse(signedResponse);
        Element response = document.getDocumentElement();
        Element signed = assertion(document);
        Element evil = evilCopy(signed, false);
        Element signature = child(evil, DSIG, "Signature");
        Element object = document.createElementNS(DSIG, "ds:Object");
        signature.appendChild(object);
        response.replaceChild(evil, signed);
        object.appendChild(signed);
        return TestSaml.toXml(document);
    }

    /** A second, evil assertion (another ID, unsigned) before the signed one. */
    public static String evilAssertionBesideSigned(String signedResponse) {
        Document document = TestSaml.parse(signedResponse);
        Element signed = assertion(document);
        signed.getParentNode().insertBefore(evilCopy(signed, true), signed);
        return TestSaml.toXml(document);
    }

    /**
     * The signed Response wrapped inside a new, evil Response (another ID, an evil unsigned assertion), in its
     * Extensions. Input: a Response that is signed itself.
     */
    public static String signedResponseWrapped(String signedResponse) {
        Document document = TestSaml.parse(signedResponse);
        Element original = document.getDocumentElement();
        Element evil = (Element) original.cloneNode(true);
        evil.setAttribute("ID", "_evil" + TestSaml.newId().substring(1));
        Element evilSignature = child(evil, DSIG, "Signature");
        if (evilSignature != null) {
            evil.removeChild(evilSignature);
        }
        Element evilAssertion = child(evil, ASSERTION, "Assertion");
        setSubject(evilAssertion);
        evilAssertion.setAttribute("ID", "_evil" + TestSaml.newId().substring(1));
        Element assertionSignature = child(evilAssertion, DSIG, "Signature");
        if (assertionSignature != null) {
            evilAssertion.removeChild(assertionSignature);
        }
        document.replaceChild(evil, original);
        Element extensions = document.createElementNS(PROTOCOL, "samlp:Extensions");
        extensions.appendChild(original);
        evil.insertBefore(extensions, statusOf(evil));
        return TestSaml.toXml(document);
    }

    /**
     * An evil, unsigned assertion with the same ID as the signed one, which stays in the document (in Extensions),
     * so that the signature's {@code #ID} may resolve to the signed one while the evil one is read.
     */
    public static String evilAssertionWithSignedId(String signedResponse) {
        Document document = TestSaml.parse(signedResponse);
        Element response = document.getDocumentElement();
        Element signed = assertion(document);
        Element evil = (Element) signed.cloneNode(true);
        Element signature = child(evil, DSIG, "Signature");
        evil.removeChild(signature);
        setSubject(evil);
        response.replaceChild(evil, signed);
        Element extensions = document.createElementNS(PROTOCOL, "samlp:Extensions");
        extensions.appendChild(signed);
        response.insertBefore(extensions, statusOf(response));
        return TestSaml.toXml(document);
    }

    private static Element assertion(Document document) {
        return (Element) document.getElementsByTagNameNS(ASSERTION, "Assertion").item(0);
    }

    /** A copy of the assertion for the evil subject, with a new ID, its signature kept or dropped. */
    private static Element evilCopy(Element signed, boolean dropSignature) {
        Element evil = (Element) signed.cloneNode(true);
        evil.setAttribute("ID", "_evil" + TestSaml.newId().substring(1));
        Element signature = child(evil, DSIG, "Signature");
        if (dropSignature && signature != null) {
            evil.removeChild(signature);
        }
        setSubject(evil);
        return evil;
    }

    private static void setSubject(Element assertion) {
        Element subject = child(assertion, ASSERTION, "Subject");
        child(subject, ASSERTION, "NameID").setTextContent(EVIL_SUBJECT);
    }

    /** Extensions go after Issuer and Signature and before Status, as the schema orders them. */
    private static Node statusOf(Element response) {
        return child(response, PROTOCOL, "Status");
    }

    private static Element child(Element parent, String namespace, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }
}
