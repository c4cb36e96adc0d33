package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks the single logout messages an IdP sends the pool's {@code /saml2/logout}: its answer to the pool's
 * LogoutRequest, and its own LogoutRequest. Both must be signed (in the query by HTTP-Redirect, in the XML by
 * HTTP-POST) by a metadata certificate, name the IdP as Issuer and the pool's endpoint as Destination.
 */
final class LogoutCheck {

    private final Clock clock;
    private final Duration skew;

    LogoutCheck(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    /** Refuses unless the message is the IdP's successful answer to the pool's request {@code requestId}. */
    void checkResponse(SamlIdp idp, Incoming incoming, String requestId) throws FederationException {
        LogoutResponse response = SamlMessages.parse(incoming.xml(), "LogoutResponse", LogoutResponse.class,
                "SAMLResponse");
        checkCommon(idp, incoming, response, "the logout response");
        SamlMessages.requireVersion2(response.getVersion(), "the logout response");
        SamlMessages.requireIssuer(response.getIssuer(), idp.entityId(), "the logout response", true);
        SamlMessages.requireDestination(response.getDestination(),
                idp.localParty().singleLogoutUri().toString(), "the logout response");
        if (!requestId.equals(response.getInResponseTo())) {
            throw Refusal.invalid(response.getInResponseTo() == null ? "the logout response names no InResponseTo"
                    : "the logout response's InResponseTo is another request's");
        }
        SamlMessages.StatusCodes status = SamlMessages.StatusCodes.of(response.getStatus());
        if (!status.success()) {
            throw new FederationException(Reason.IDP_ERROR,
                    "the identity provider answered the sign-out with the status " + status.describe());
        }
    }

    /** The IdP's LogoutRequest, checked: signed, its Issuer, Destination and time, with a NameID. */
    LogoutRequest checkRequest(SamlIdp idp, Incoming incoming) throws FederationException {
        LogoutRequest request = SamlMessages.parse(incoming.xml(), "LogoutRequest", LogoutRequest.class,
                "SAMLRequest");
        checkCommon(idp, incoming, request, "the logout request");
        SamlMessages.requireVersion2(request.getVersion(), "the logout request");
        SamlMessages.requireIssuer(request.getIssuer(), idp.entityId(), "the logout request", true);
        SamlMessages.requireDestination(request.getDestination(), idp.localParty().singleLogoutUri().toString(),
                "the logout request");
        Instant now = clock.instant();
        if (request.getNotOnOrAfter() != null && !now.minus(skew).isBefore(request.getNotOnOrAfter())) {
            throw Refusal.invalid("the logout request has expired (NotOnOrAfter)");
        }
        if (request.getIssueInstant() != null && request.getIssueInstant().isAfter(now.plus(skew))) {
            throw Refusal.invalid("the logout request is issued in the future");
        }
        if (request.getID() == null || request.getID().isBlank()) {
            throw Refusal.invalid("the logout request has no ID");
        }
        NameID nameId = request.getNameID();
        if (nameId == null || nameId.getValue() == null || nameId.getValue().isBlank()) {
            throw Refusal.invalid(request.getEncryptedID() != null
                    ? "the logout request's NameID is encrypted, which is not supported"
                    : "the logout request names no NameID");
        }
        return request;
    }

    private void checkCommon(SamlIdp idp, Incoming incoming, SignableSAMLObject message, String what)
            throws FederationException {
        List<X509Certificate> certificates = idp.metadata().currentSigningCertificates(clock.instant());
        if (incoming.byRedirect()) {
            RedirectBinding.verify(incoming.redirect().get(), certificates, what);
        } else {
            XmlSignatures.verify(message, certificates, what);
        }
    }
}
