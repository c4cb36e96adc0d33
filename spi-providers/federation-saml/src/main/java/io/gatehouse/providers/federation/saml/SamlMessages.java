package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Optional;
import java.util.Set;

/** What every message from an IdP goes through before its own checks: parsing, and the rules they share. */
final class SamlMessages {

    private SamlMessages() {
    }

    /**
     * The SAML protocol message of these bytes, of the expected kind ({@code Response}, {@code LogoutRequest}...):
     * parsed safely, with no comment, processing instruction or repeated ID anywhere in it, and at most one element
     * of its kind in the whole document (a second one is a wrapped copy).
     */
    static <T extends XMLObject> T parse(byte[] xml, String kind, Class<T> type, String parameter)
            throws FederationException {
        Document document;
        try {
            document = SafeXml.parse(xml);
            SafeXml.refuseCommentsAndInstructions(document);
            SafeXml.refuseRepeatedIds(document);
        } catch (SafeXml.RefusedXml e) {
            throw Refusal.invalid("the " + parameter + " is refused: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!SAMLConstants.SAML20P_NS.equals(root.getNamespaceURI()) || !kind.equals(root.getLocalName())) {
            throw Refusal.invalid("the " + parameter + " is not a SAML 2.0 " + kind);
        }
        int copies = SafeXml.count(document, SAMLConstants.SAML20P_NS, kind);
        if (copies != 1) {
            throw Refusal.invalid("the " + parameter + " holds " + copies + " " + kind + " elements (signature"
                    + " wrapping)");
        }
        XmlSignatures.refuseWeakAlgorithms(document, "the " + parameter);
        XMLObject message;
        try {
            message = OpenSaml.unmarshal(root);
        } catch (UnmarshallingException | RuntimeException e) {
            throw Refusal.invalid("the " + parameter + " is not a well-formed SAML 2.0 " + kind);
        }
        if (!type.isInstance(message)) {
            throw Refusal.invalid("the " + parameter + " is not a SAML 2.0 " + kind);
        }
        return type.cast(message);
    }

    /** Refuses a message of another SAML version than 2.0. */
    static void requireVersion2(SAMLVersion version, String what) throws FederationException {
        if (version == null || version.getMajorVersion() != 2 || version.getMinorVersion() != 0) {
            throw Refusal.invalid(what + " is not SAML 2.0");
        }
    }

    /**
     * Refuses an Issuer that is not the IdP's entity id (or whose Format is another than entity's).
     *
     * @param required whether a missing Issuer is refused too
     */
    static void requireIssuer(Issuer issuer, String entityId, String what, boolean required)
            throws FederationException {
        if (issuer == null) {
            if (required) {
                throw Refusal.invalid(what + " names no Issuer");
            }
            return;
        }
        if (issuer.getFormat() != null && !NameIDType.ENTITY.equals(issuer.getFormat())) {
            throw Refusal.invalid(what + "'s Issuer is not of the entity format");
        }
        if (!entityId.equals(issuer.getValue())) {
            throw Refusal.invalid(what + "'s Issuer is not the IdP's entity id");
        }
    }

    /** Refuses a Destination that is absent or not exactly {@code expected}, this pool's endpoint. */
    static void requireDestination(String destination, String expected, String what) throws FederationException {
        requireDestination(destination, Set.of(expected), "this pool", what);
    }

    /**
     * Refuses a Destination that is absent or not exactly one of {@code expected}, the endpoints of
     * {@code receiver} (this pool; an identity pool, for which AWS's sign-in endpoints are the Destination).
     */
    static void requireDestination(String destination, Set<String> expected, String receiver, String what)
            throws FederationException {
        if (destination == null) {
            throw Refusal.invalid(what + " names no Destination");
        }
        if (!expected.contains(destination)) {
            throw Refusal.invalid(what + "'s Destination is not " + receiver + "'s endpoint "
                    + ResponseExpectations.named(expected));
        }
    }

    /** The top-level status code, and the second-level one when there is one. */
    record StatusCodes(String top, Optional<String> second) {

        static StatusCodes of(Status status) {
            StatusCode code = status == null ? null : status.getStatusCode();
            String top = code == null ? null : code.getValue();
            Optional<String> second = Optional.ofNullable(code).map(StatusCode::getStatusCode)
                    .map(StatusCode::getValue);
            return new StatusCodes(top, second);
        }

        boolean success() {
            return StatusCode.SUCCESS.equals(top);
        }

        /** {@code Responder/AuthnFailed}: each code's last part, cleaned (the codes are the IdP's text). */
        String describe() {
            return name(top) + second.map(s -> "/" + name(s)).orElse("");
        }

        private static String name(String code) {
            if (code == null || code.isBlank()) {
                return "none";
            }
            String last = code.substring(code.lastIndexOf(':') + 1).replaceAll("[^A-Za-z0-9._-]", "");
            return last.length() > 40 ? last.substring(0, 40) : last;
        }
    }
}
