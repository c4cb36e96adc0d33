package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.LocalParty;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;

import java.net.URI;
import java.time.Instant;

/** The messages the pool sends an IdP, built with OpenSAML's object model; signing is the binding's business. */
final class SamlRequests {

    private SamlRequests() {
    }

    /**
     * An AuthnRequest asking for an answer by HTTP-POST at the pool's ACS, letting the IdP create an identifier for
     * a user it has not sent here before.
     */
    static AuthnRequest authnRequest(PendingRequest pending, URI destination, LocalParty party) {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(pending.id());
        request.setIssueInstant(pending.issueInstant());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setDestination(destination.toString());
        request.setAssertionConsumerServiceURL(party.assertionConsumerUri().toString());
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        request.setIssuer(issuer(party));
        NameIDPolicy policy = OpenSaml.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
        policy.setAllowCreate(true);
        request.setNameIDPolicy(policy);
        return request;
    }

    /** A LogoutRequest for the session the hint names. */
    static LogoutRequest logoutRequest(PendingRequest pending, URI destination, LocalParty party, SignOutHint hint) {
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(pending.id());
        request.setIssueInstant(pending.issueInstant());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setDestination(destination.toString());
        request.setIssuer(issuer(party));
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue(hint.nameId());
        hint.format().ifPresent(nameId::setFormat);
        hint.nameQualifier().ifPresent(nameId::setNameQualifier);
        hint.spNameQualifier().ifPresent(nameId::setSPNameQualifier);
        request.setNameID(nameId);
        hint.sessionIndex().ifPresent(index -> {
            SessionIndex sessionIndex = OpenSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            sessionIndex.setValue(index);
            request.getSessionIndexes().add(sessionIndex);
        });
        return request;
    }

    /** A successful LogoutResponse to the IdP's LogoutRequest {@code inResponseTo}. */
    static LogoutResponse logoutResponse(String inResponseTo, URI destination, LocalParty party, Instant now) {
        LogoutResponse response = OpenSaml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(OpenSaml.newId());
        response.setIssueInstant(Instant.ofEpochSecond(now.getEpochSecond()));
        response.setVersion(SAMLVersion.VERSION_20);
        response.setInResponseTo(inResponseTo);
        response.setDestination(destination.toString());
        response.setIssuer(issuer(party));
        Status status = OpenSaml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = OpenSaml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    private static Issuer issuer(LocalParty party) {
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(party.entityId());
        return issuer;
    }
}
