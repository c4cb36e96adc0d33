package io.gatehouse.federation.saml.testing;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.api.federation.Outgoing;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Certificate;
import org.opensaml.xmlsec.signature.X509Data;
import org.w3c.dom.Document;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAML 2.0 IdP for tests: its own RSA key and self-signed certificate, its metadata, Responses to a pool with a knob
 * for every rule ({@link #response}), single logout messages ({@link #logoutRequest}, {@link #logoutResponse}), and
 * a reader of what a pool sends it ({@link #read}). Nothing here checks anything: it makes what a test needs, valid
 * or forged. The server's integration tests use it from this module's test-jar.
 */
public final class TestSamlIdp {

    public static final String DEFAULT_ENTITY_ID = "https://idp.example.test/saml";

    private final String entityId;
    private final KeyCredential signing;
    private final URI ssoUrl;
    private final URI sloUrl;
    private final Clock clock;

    /** The IdP {@value #DEFAULT_ENTITY_ID} with a new key, at {@code https://idp.example.test}. */
    public TestSamlIdp() {
        this(DEFAULT_ENTITY_ID, TestCertificates.rsa("test-idp"), URI.create("https://idp.example.test"),
                Clock.systemUTC());
    }

    /**
     * An IdP of this entity id and key, whose services are {@code <base>/sso} and {@code <base>/slo}, issuing its
     * messages at the clock's time.
     */
    public TestSamlIdp(String entityId, KeyCredential signing, URI base, Clock clock) {
        TestSaml.initialize();
        this.entityId = entityId;
        this.signing = signing;
        String root = base.toString().replaceAll("/+$", "");
        this.ssoUrl = URI.create(root + "/sso");
        this.sloUrl = URI.create(root + "/slo");
        this.clock = clock;
    }

    public String entityId() {
        return entityId;
    }

    public KeyCredential signing() {
        return signing;
    }

    public URI ssoUrl() {
        return ssoUrl;
    }

    public URI sloUrl() {
        return sloUrl;
    }

    public Clock clock() {
        return clock;
    }

    /** This IdP's metadata: SSO and SLO by HTTP-Redirect and HTTP-POST, its signing certificate. */
    public String metadataXml() {
        return metadata().xml();
    }

    public Metadata metadata() {
        return new Metadata();
    }

    /** A valid Response to the pool, to be adjusted or broken. */
    public SamlResponseBuilder response(LocalParty sp) {
        return new SamlResponseBuilder(this, sp);
    }

    /** A LogoutRequest of this IdP to the pool, signed, for {@code nameId}. */
    public LogoutMessageBuilder logoutRequest(LocalParty sp, String nameId) {
        return LogoutMessageBuilder.request(this, sp, nameId);
    }

    /** A successful LogoutResponse of this IdP to the pool's request {@code inResponseTo}, signed. */
    public LogoutMessageBuilder logoutResponse(LocalParty sp, String inResponseTo) {
        return LogoutMessageBuilder.response(this, sp, inResponseTo);
    }

    /** What a pool sent this IdP through the browser: a redirect's query, or a form's fields. */
    public ReceivedMessage read(Outgoing outgoing) {
        if (outgoing instanceof Outgoing.Redirect redirect) {
            String query = redirect.location().getRawQuery();
            Map<String, String> raw = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                raw.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            String parameter = raw.containsKey("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
            String xml = TestSaml.inflate(Base64.getDecoder().decode(decode(raw.get(parameter))));
            return new ReceivedMessage(redirect.location(), parameter, xml, unmarshal(xml),
                    Optional.ofNullable(raw.get("RelayState")).map(TestSamlIdp::decode), Optional.of(query));
        }
        Outgoing.FormPost form = (Outgoing.FormPost) outgoing;
        String parameter = form.fields().containsKey("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
        String xml = new String(Base64.getDecoder().decode(form.fields().get(parameter)), StandardCharsets.UTF_8);
        return new ReceivedMessage(form.action(), parameter, xml, unmarshal(xml),
                Optional.ofNullable(form.fields().get("RelayState")), Optional.empty());
    }

    private static SAMLObject unmarshal(String xml) {
        Document document = TestSaml.parse(xml);
        try {
            return (SAMLObject) XMLObjectSupport.getUnmarshaller(document.getDocumentElement())
                    .unmarshall(document.getDocumentElement());
        } catch (UnmarshallingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TestSamlIdp[" + entityId + "]";
    }

    /** The IdP's metadata document, with knobs for the cases configure must refuse or handle. */
    public final class Metadata {

        private boolean redirect = true;
        private boolean post = true;
        private boolean singleLogout = true;
        private boolean wantAuthnRequestsSigned;
        private final List<java.security.cert.X509Certificate> certificates = new ArrayList<>(
                List.of(signing.certificate()));
        private Optional<UsageType> use = Optional.of(UsageType.SIGNING);
        private Optional<Instant> validUntil = Optional.empty();
        private Optional<Duration> cacheDuration = Optional.empty();
        private String protocol = SAMLConstants.SAML20P_NS;
        private String entity = entityId;

        /** SSO and SLO by HTTP-POST only. */
        public Metadata postOnly() {
            redirect = false;
            return this;
        }

        /** SSO and SLO by HTTP-Redirect only. */
        public Metadata redirectOnly() {
            post = false;
            return this;
        }

        public Metadata withoutSingleLogout() {
            singleLogout = false;
            return this;
        }

        public Metadata wantAuthnRequestsSigned() {
            wantAuthnRequestsSigned = true;
            return this;
        }

        /** These signing certificates instead of the IdP's own. */
        public Metadata certificates(java.security.cert.X509Certificate... replacement) {
            certificates.clear();
            certificates.addAll(List.of(replacement));
            return this;
        }

        /** The KeyDescriptor's use (null: none stated). */
        public Metadata keyUse(UsageType value) {
            use = Optional.ofNullable(value);
            return this;
        }

        public Metadata validUntil(Instant instant) {
            validUntil = Optional.of(instant);
            return this;
        }

        public Metadata cacheDuration(Duration duration) {
            cacheDuration = Optional.of(duration);
            return this;
        }

        /** The protocol the IDPSSODescriptor names (SAML 1.1's, say). */
        public Metadata protocol(String value) {
            protocol = value;
            return this;
        }

        public Metadata entityId(String value) {
            entity = value;
            return this;
        }

        public String xml() {
            EntityDescriptor descriptor = TestSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
            descriptor.setEntityID(entity);
            validUntil.ifPresent(descriptor::setValidUntil);
            cacheDuration.ifPresent(descriptor::setCacheDuration);
            IDPSSODescriptor idp = TestSaml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
            idp.addSupportedProtocol(protocol);
            if (wantAuthnRequestsSigned) {
                idp.setWantAuthnRequestsSigned(true);
            }
            for (java.security.cert.X509Certificate certificate : certificates) {
                idp.getKeyDescriptors().add(keyDescriptor(certificate));
            }
            if (singleLogout) {
                if (redirect) {
                    idp.getSingleLogoutServices().add(slo(SAMLConstants.SAML2_REDIRECT_BINDING_URI));
                }
                if (post) {
                    idp.getSingleLogoutServices().add(slo(SAMLConstants.SAML2_POST_BINDING_URI));
                }
            }
            if (redirect) {
                idp.getSingleSignOnServices().add(sso(SAMLConstants.SAML2_REDIRECT_BINDING_URI));
            }
            if (post) {
                idp.getSingleSignOnServices().add(sso(SAMLConstants.SAML2_POST_BINDING_URI));
            }
            descriptor.getRoleDescriptors().add(idp);
            return SerializeSupport.nodeToString(TestSaml.marshal(descriptor));
        }

        private KeyDescriptor keyDescriptor(java.security.cert.X509Certificate certificate) {
            KeyDescriptor key = TestSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
            use.ifPresent(key::setUse);
            KeyInfo keyInfo = TestSaml.build(KeyInfo.DEFAULT_ELEMENT_NAME);
            X509Data data = TestSaml.build(X509Data.DEFAULT_ELEMENT_NAME);
            X509Certificate value = TestSaml.build(X509Certificate.DEFAULT_ELEMENT_NAME);
            try {
                value.setValue(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            data.getX509Certificates().add(value);
            keyInfo.getX509Datas().add(data);
            key.setKeyInfo(keyInfo);
            return key;
        }

        private SingleSignOnService sso(String binding) {
            SingleSignOnService service = TestSaml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
            service.setBinding(binding);
            service.setLocation(ssoUrl.toString());
            return service;
        }

        private SingleLogoutService slo(String binding) {
            SingleLogoutService service = TestSaml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
            service.setBinding(binding);
            service.setLocation(sloUrl.toString());
            return service;
        }
    }
}
