package io.gatehouse.federation.saml.testing;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A single logout message of the test IdP to a pool's {@code /saml2/logout}: its LogoutRequest, or its LogoutResponse
 * to the pool's; valid and signed by default, sent by HTTP-Redirect ({@link #redirectQuery}) or HTTP-POST
 * ({@link #post}).
 */
public final class LogoutMessageBuilder {

    private final TestSamlIdp idp;
    private final boolean request;
    private final String subjectOrRequestId;
    private String destination;
    private String issuer;
    private boolean signed = true;
    private KeyCredential key;
    private String statusCode = StatusCode.SUCCESS;
    private Optional<String> sessionIndex = Optional.of("_session-1");
    private Optional<Instant> notOnOrAfter = Optional.empty();
    private String signatureAlgorithm;

    private LogoutMessageBuilder(TestSamlIdp idp, LocalParty sp, boolean request, String subjectOrRequestId) {
        this.idp = idp;
        this.request = request;
        this.subjectOrRequestId = subjectOrRequestId;
        this.destination = sp.singleLogoutUri().toString();
        this.issuer = idp.entityId();
        this.key = idp.signing();
        this.signatureAlgorithm = TestSaml.SigningChoice.of(key).signatureAlgorithm();
    }

    static LogoutMessageBuilder request(TestSamlIdp idp, LocalParty sp, String nameId) {
        return new LogoutMessageBuilder(idp, sp, true, nameId);
    }

    static LogoutMessageBuilder response(TestSamlIdp idp, LocalParty sp, String inResponseTo) {
        return new LogoutMessageBuilder(idp, sp, false, inResponseTo);
    }

    public LogoutMessageBuilder destination(String value) {
        destination = value;
        return this;
    }

    public LogoutMessageBuilder issuer(String value) {
        issuer = value;
        return this;
    }

    public LogoutMessageBuilder unsigned() {
        signed = false;
        return this;
    }

    public LogoutMessageBuilder signedBy(KeyCredential other) {
        key = other;
        return this;
    }

    /** The query signature's algorithm (HTTP-Redirect only). */
    public LogoutMessageBuilder signatureAlgorithm(String uri) {
        signatureAlgorithm = uri;
        return this;
    }

    public LogoutMessageBuilder status(String code) {
        statusCode = code;
        return this;
    }

    public LogoutMessageBuilder notOnOrAfter(Instant instant) {
        notOnOrAfter = Optional.of(instant);
        return this;
    }

    public LogoutMessageBuilder sessionIndex(String value) {
        sessionIndex = Optional.ofNullable(value);
        return this;
    }

    /** The message's XML, unsigned (what HTTP-Redirect carries). */
    public String xml() {
        return TestSaml.toXml(TestSaml.marshal(message()));
    }

    /**
     * The raw query of the message by HTTP-Redirect: {@code SAMLRequest} or {@code SAMLResponse}, {@code RelayState},
     * and when signed {@code SigAlg} and {@code Signature} over the first three as encoded.
     */
    public String redirectQuery(String relayState) {
        String parameter = request ? "SAMLRequest" : "SAMLResponse";
        StringBuilder query = new StringBuilder(parameter).append('=')
                .append(TestSaml.urlEncode(java.util.Base64.getEncoder().encodeToString(TestSaml.deflate(xml()))));
        if (relayState != null) {
            query.append("&RelayState=").append(TestSaml.urlEncode(relayState));
        }
        if (signed) {
            query.append("&SigAlg=").append(TestSaml.urlEncode(signatureAlgorithm));
            String signature = TestSaml.signQuery(query.toString(), key, signatureAlgorithm);
            query.append("&Signature=").append(TestSaml.urlEncode(signature));
        }
        return query.toString();
    }

    /** The form of the message by HTTP-POST, signed in its XML unless {@link #unsigned()}. */
    public Map<String, List<String>> post(String relayState) {
        SignableSAMLObject message = message();
        if (signed) {
            TestSaml.sign(message, TestSaml.SigningChoice.of(idp.signing()).withKey(key));
        }
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put(request ? "SAMLRequest" : "SAMLResponse",
                List.of(TestSaml.base64(TestSaml.toXml(TestSaml.marshal(message)))));
        if (relayState != null) {
            form.put("RelayState", List.of(relayState));
        }
        return form;
    }

    private SignableSAMLObject message() {
        Instant now = idp.clock().instant();
        Issuer issuerElement = TestSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuerElement.setValue(issuer);
        if (request) {
            LogoutRequest logout = TestSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
            logout.setID(TestSaml.newId());
            logout.setIssueInstant(now);
            logout.setVersion(SAMLVersion.VERSION_20);
            logout.setDestination(destination);
            logout.setIssuer(issuerElement);
            logout.setNotOnOrAfter(notOnOrAfter.orElse(now.plus(Duration.ofMinutes(5))));
            NameID nameId = TestSaml.build(NameID.DEFAULT_ELEMENT_NAME);
            nameId.setValue(subjectOrRequestId);
            nameId.setFormat(NameIDType.EMAIL);
            logout.setNameID(nameId);
            sessionIndex.ifPresent(index -> {
                SessionIndex element = TestSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
                element.setValue(index);
                logout.getSessionIndexes().add(element);
            });
            return logout;
        }
        LogoutResponse logout = TestSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        logout.setID(TestSaml.newId());
        logout.setIssueInstant(now);
        logout.setVersion(SAMLVersion.VERSION_20);
        logout.setDestination(destination);
        logout.setIssuer(issuerElement);
        logout.setInResponseTo(subjectOrRequestId);
        Status status = TestSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = TestSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(statusCode);
        status.setStatusCode(code);
        logout.setStatus(status);
        return logout;
    }

    @Override
    public String toString() {
        return "LogoutMessageBuilder[" + (request ? "LogoutRequest" : "LogoutResponse") + "]";
    }
}
