package io.gatehouse.federation.saml.testing;

import io.gatehouse.api.federation.LocalParty;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.core.xml.schema.impl.XSStringBuilder;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAML Response of the test IdP to a pool, valid by default (signed assertion, bearer confirmation for the pool's
 * ACS, audience the pool, five minutes to live), with a knob to break each rule the provider checks.
 */
public final class SamlResponseBuilder {

    /** Which elements carry a signature. */
    public enum Signed { RESPONSE, ASSERTION, BOTH, NONE }

    private final TestSamlIdp idp;
    private final LocalParty sp;
    private Instant now;
    private Optional<String> inResponseTo = Optional.empty();
    private Optional<String> confirmationInResponseTo;
    private boolean confirmationInResponseToSet;
    private String destination;
    private String recipient;
    private String audience;
    private Optional<String> responseIssuer;
    private String assertionIssuer;
    private String nameId = "alice@example.test";
    private String nameIdFormat = NameIDType.EMAIL;
    private boolean commentInNameId;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private Duration lifetime = Duration.ofMinutes(5);
    private Optional<Instant> notBefore = Optional.empty();
    private Optional<Instant> notOnOrAfter = Optional.empty();
    private String statusCode = StatusCode.SUCCESS;
    private Optional<String> subStatusCode = Optional.empty();
    private Signed signed = Signed.ASSERTION;
    private TestSaml.SigningChoice signing;
    private Optional<X509Certificate> encryptFor = Optional.empty();
    private String dataEncryption = EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM;
    private String keyTransport = EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP;
    private boolean extraAssertion;
    private boolean audienceRestriction = true;
    private boolean authnStatement = true;
    private String sessionIndex = "_session-" + TestSaml.newId();
    private Optional<String> assertionId = Optional.empty();

    SamlResponseBuilder(TestSamlIdp idp, LocalParty sp) {
        this.idp = idp;
        this.sp = sp;
        this.now = idp.clock().instant();
        this.destination = sp.assertionConsumerUri().toString();
        this.recipient = destination;
        this.audience = sp.entityId();
        this.responseIssuer = Optional.of(idp.entityId());
        this.assertionIssuer = idp.entityId();
        this.signing = TestSaml.SigningChoice.of(idp.signing());
        attributes.put("email", List.of(nameId));
    }

    /** The request this answers, in the Response and in the bearer confirmation. */
    public SamlResponseBuilder inResponseTo(String requestId) {
        this.inResponseTo = Optional.ofNullable(requestId);
        return this;
    }

    /** Another InResponseTo in the bearer confirmation only (null: none there). */
    public SamlResponseBuilder confirmationInResponseTo(String requestId) {
        this.confirmationInResponseTo = Optional.ofNullable(requestId);
        this.confirmationInResponseToSet = true;
        return this;
    }

    public SamlResponseBuilder nameId(String value) {
        this.nameId = value;
        return this;
    }

    public SamlResponseBuilder nameIdFormat(String format) {
        this.nameIdFormat = format;
        return this;
    }

    /** Puts a comment inside the NameID's text after its first character of the domain, after signing. */
    public SamlResponseBuilder commentInNameId() {
        this.commentInNameId = true;
        return this;
    }

    /** An attribute (replacing one of the same name); none given means {@code email}. */
    public SamlResponseBuilder attribute(String name, String... values) {
        attributes.put(name, List.of(values));
        return this;
    }

    public SamlResponseBuilder withoutAttributes() {
        attributes.clear();
        return this;
    }

    public SamlResponseBuilder destination(String value) {
        this.destination = value;
        return this;
    }

    public SamlResponseBuilder recipient(String value) {
        this.recipient = value;
        return this;
    }

    public SamlResponseBuilder audience(String value) {
        this.audience = value;
        return this;
    }

    public SamlResponseBuilder withoutAudienceRestriction() {
        this.audienceRestriction = false;
        return this;
    }

    public SamlResponseBuilder withoutAuthnStatement() {
        this.authnStatement = false;
        return this;
    }

    /** The Response's Issuer (null: none). */
    public SamlResponseBuilder responseIssuer(String value) {
        this.responseIssuer = Optional.ofNullable(value);
        return this;
    }

    public SamlResponseBuilder assertionIssuer(String value) {
        this.assertionIssuer = value;
        return this;
    }

    /** Builds it as at {@code instant} (issue instants, NotBefore, NotOnOrAfter follow). */
    public SamlResponseBuilder issuedAt(Instant instant) {
        this.now = instant;
        return this;
    }

    public SamlResponseBuilder notBefore(Instant instant) {
        this.notBefore = Optional.of(instant);
        return this;
    }

    public SamlResponseBuilder notOnOrAfter(Instant instant) {
        this.notOnOrAfter = Optional.of(instant);
        return this;
    }

    public SamlResponseBuilder lifetime(Duration value) {
        this.lifetime = value;
        return this;
    }

    public SamlResponseBuilder status(String code, String subCode) {
        this.statusCode = code;
        this.subStatusCode = Optional.ofNullable(subCode);
        return this;
    }

    public SamlResponseBuilder signed(Signed which) {
        this.signed = which;
        return this;
    }

    /** Signs with another key (showing its certificate in KeyInfo). */
    public SamlResponseBuilder signedBy(io.gatehouse.api.federation.KeyCredential key) {
        this.signing = signing.withKey(key);
        return this;
    }

    /** Shows this certificate in the signature's KeyInfo, whatever key signs. */
    public SamlResponseBuilder keyInfoCertificate(X509Certificate certificate) {
        this.signing = signing.showing(certificate);
        return this;
    }

    public SamlResponseBuilder signatureAlgorithms(String signature, String digest) {
        this.signing = signing.withAlgorithms(signature, digest);
        return this;
    }

    /** Encrypts the assertion for this certificate (after signing it, when it is signed). */
    public SamlResponseBuilder encryptFor(X509Certificate certificate) {
        this.encryptFor = Optional.of(certificate);
        return this;
    }

    public SamlResponseBuilder encryptionAlgorithms(String data, String keyTransportAlgorithm) {
        this.dataEncryption = data;
        this.keyTransport = keyTransportAlgorithm;
        return this;
    }

    /** Adds a second (unsigned) assertion for another user after the first. */
    public SamlResponseBuilder extraAssertion() {
        this.extraAssertion = true;
        return this;
    }

    public SamlResponseBuilder assertionId(String id) {
        this.assertionId = Optional.of(id);
        return this;
    }

    /** The SessionIndex of the AuthnStatement (a fresh one by default). */
    public SamlResponseBuilder sessionIndex(String value) {
        this.sessionIndex = value;
        return this;
    }

    /** The Response's XML. */
    public String xml() {
        Response response = TestSaml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(TestSaml.newId());
        response.setIssueInstant(now);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setDestination(destination);
        inResponseTo.ifPresent(response::setInResponseTo);
        responseIssuer.ifPresent(value -> response.setIssuer(issuer(value)));
        response.setStatus(status());

        Assertion assertion = assertion(nameId, assertionId.orElseGet(TestSaml::newId));
        if (signed == Signed.ASSERTION || signed == Signed.BOTH) {
            TestSaml.sign(assertion, signing);
        }
        if (encryptFor.isPresent()) {
            response.getEncryptedAssertions().add(encrypt(assertion, encryptFor.get()));
        } else {
            response.getAssertions().add(assertion);
        }
        if (extraAssertion) {
            response.getAssertions().add(assertion("mallory@evil.test", TestSaml.newId()));
        }
        if (signed == Signed.RESPONSE || signed == Signed.BOTH) {
            TestSaml.sign(response, signing);
        }
        Element element = TestSaml.marshal(response);
        if (commentInNameId) {
            insertCommentInNameId(element.getOwnerDocument());
        }
        return TestSaml.toXml(element);
    }

    /** The form the browser posts to the pool's ACS. */
    public Map<String, List<String>> post(String relayState) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("SAMLResponse", List.of(TestSaml.base64(xml())));
        if (relayState != null) {
            form.put("RelayState", List.of(relayState));
        }
        return form;
    }

    private Assertion assertion(String subjectName, String id) {
        Instant end = notOnOrAfter.orElse(now.plus(lifetime));
        Assertion assertion = TestSaml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(id);
        assertion.setIssueInstant(now);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssuer(issuer(assertionIssuer));

        Subject subject = TestSaml.build(Subject.DEFAULT_ELEMENT_NAME);
        NameID name = TestSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(subjectName);
        name.setFormat(nameIdFormat);
        name.setSPNameQualifier(sp.entityId());
        subject.setNameID(name);
        SubjectConfirmation confirmation = TestSaml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = TestSaml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setRecipient(recipient);
        data.setNotOnOrAfter(end);
        (confirmationInResponseToSet ? confirmationInResponseTo : inResponseTo).ifPresent(data::setInResponseTo);
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        assertion.setSubject(subject);

        Conditions conditions = TestSaml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(notBefore.orElse(now.minus(Duration.ofSeconds(30))));
        conditions.setNotOnOrAfter(end);
        if (audienceRestriction) {
            AudienceRestriction restriction = TestSaml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            Audience value = TestSaml.build(Audience.DEFAULT_ELEMENT_NAME);
            value.setURI(audience);
            restriction.getAudiences().add(value);
            conditions.getAudienceRestrictions().add(restriction);
        }
        assertion.setConditions(conditions);

        if (authnStatement) {
            AuthnStatement statement = TestSaml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
            statement.setAuthnInstant(now);
            statement.setSessionIndex(sessionIndex);
            AuthnContext context = TestSaml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
            AuthnContextClassRef classRef = TestSaml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
            classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
            context.setAuthnContextClassRef(classRef);
            statement.setAuthnContext(context);
            assertion.getAuthnStatements().add(statement);
        }
        if (!attributes.isEmpty()) {
            AttributeStatement statement = TestSaml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
            attributes.forEach((attributeName, values) -> {
                Attribute attribute = TestSaml.build(Attribute.DEFAULT_ELEMENT_NAME);
                attribute.setName(attributeName);
                attribute.setNameFormat(Attribute.UNSPECIFIED);
                for (String value : values) {
                    XSString text = new XSStringBuilder().buildObject(AttributeValue.DEFAULT_ELEMENT_NAME,
                            XSString.TYPE_NAME);
                    text.setValue(value);
                    attribute.getAttributeValues().add(text);
                }
                statement.getAttributes().add(attribute);
            });
            assertion.getAttributeStatements().add(statement);
        }
        return assertion;
    }

    private Status status() {
        Status status = TestSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = TestSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(statusCode);
        subStatusCode.ifPresent(sub -> {
            StatusCode second = TestSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
            second.setValue(sub);
            code.setStatusCode(second);
        });
        status.setStatusCode(code);
        return status;
    }

    private static Issuer issuer(String value) {
        Issuer issuer = TestSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        issuer.setFormat(NameIDType.ENTITY);
        return issuer;
    }

    private EncryptedAssertion encrypt(Assertion assertion, X509Certificate certificate) {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(dataEncryption);
        KeyEncryptionParameters key = new KeyEncryptionParameters();
        key.setEncryptionCredential(new BasicX509Credential(certificate));
        key.setAlgorithm(keyTransport);
        Encrypter encrypter = new Encrypter(data, key);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        try {
            TestSaml.marshal(assertion);
            return encrypter.encrypt(assertion);
        } catch (Exception e) {
            throw new IllegalStateException("the test IdP cannot encrypt", e);
        }
    }

    private static void insertCommentInNameId(Document document) {
        Element nameId = (Element) document.getElementsByTagNameNS(NameID.DEFAULT_ELEMENT_NAME.getNamespaceURI(),
                NameID.DEFAULT_ELEMENT_LOCAL_NAME).item(0);
        String text = nameId.getTextContent();
        int at = text.indexOf('@');
        int cut = at < 0 ? text.length() / 2 : at + 1;
        while (nameId.getFirstChild() != null) {
            nameId.removeChild(nameId.getFirstChild());
        }
        nameId.appendChild(document.createTextNode(text.substring(0, cut)));
        Node comment = document.createComment("");
        nameId.appendChild(comment);
        nameId.appendChild(document.createTextNode(text.substring(cut)));
    }

    /** Names the builder only. */
    @Override
    public String toString() {
        return "SamlResponseBuilder[" + idp.entityId() + " → " + sp.entityId() + "]";
    }
}
