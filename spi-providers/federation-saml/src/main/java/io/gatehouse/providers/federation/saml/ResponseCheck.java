package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.ReplayKey;
import io.gatehouse.api.federation.UpstreamIdentity;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.ProxyRestriction;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.w3c.dom.Document;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a SAML Response to a sign-in (Web Browser SSO profile, HTTP-POST binding) and reads the identity it
 * asserts. Every rule is checked on the element that is used: the response is the document's only Response, its
 * assertion the only Assertion (or EncryptedAssertion) anywhere in it, and each signature refers by ID to the element
 * that carries it, each ID occurring once, so that no signed copy elsewhere can vouch for an unsigned element here.
 */
final class ResponseCheck {

    private final Clock clock;
    private final Duration skew;

    ResponseCheck(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    /**
     * The identity the response asserts.
     *
     * @param requestId the ID of the AuthnRequest this answers; empty for an unsolicited response, which must then
     *                  answer none
     * @throws FederationException INVALID_RESPONSE naming the rule broken; ACCESS_DENIED or IDP_ERROR when the
     *                             IdP answered with an error status
     */
    UpstreamIdentity check(SamlIdp idp, byte[] xml, Optional<String> requestId) throws FederationException {
        return check(ResponseExpectations.of(idp), xml, requestId);
    }

    /**
     * The identity the response asserts, for whom {@code expected} names.
     *
     * @param requestId as {@link #check(SamlIdp, byte[], Optional)}
     */
    UpstreamIdentity check(ResponseExpectations expected, byte[] xml, Optional<String> requestId)
            throws FederationException {
        Instant now = clock.instant();
        Response response = SamlMessages.parse(xml, "Response", Response.class, "SAMLResponse");
        Document document = response.getDOM().getOwnerDocument();

        SamlMessages.requireVersion2(response.getVersion(), "the response");
        SamlMessages.requireDestination(response.getDestination(), expected.recipients(), expected.receiver(),
                "the response");
        SamlMessages.requireIssuer(response.getIssuer(), expected.entityId(), "the response", false);
        requireInResponseTo(response.getInResponseTo(), requestId, "the response");
        requireSuccess(response);

        int plain = SafeXml.count(document, SAMLConstants.SAML20_NS, "Assertion");
        int encrypted = SafeXml.count(document, SAMLConstants.SAML20_NS, "EncryptedAssertion");
        if (plain + encrypted != 1
                || response.getAssertions().size() + response.getEncryptedAssertions().size() != 1) {
            throw Refusal.invalid("the response must hold exactly one assertion; it holds " + (plain + encrypted)
                    + " (signature wrapping, or several assertions)");
        }
        if (expected.encryptedOnly() && response.getEncryptedAssertions().isEmpty()) {
            throw Refusal.invalid("the assertion is not encrypted, and the IdP's EncryptedResponses is true");
        }
        if (!response.getEncryptedAssertions().isEmpty() && expected.decryptionKeys().isEmpty()) {
            throw Refusal.invalid("the assertion is encrypted, and " + expected.receiver()
                    + " has no key to decrypt it: the IdP must send it unencrypted (signed)");
        }

        List<X509Certificate> certificates = expected.metadata().currentSigningCertificates(now);
        boolean responseSigned = response.isSigned();
        if (responseSigned) {
            XmlSignatures.verify(response, certificates, "the response");
        }
        Assertion assertion = response.getAssertions().isEmpty()
                ? AssertionDecryption.decrypt(response.getEncryptedAssertions().get(0), expected.decryptionKeys())
                : response.getAssertions().get(0);
        if (assertion.isSigned()) {
            XmlSignatures.verify(assertion, certificates, "the assertion");
        } else if (!responseSigned) {
            throw Refusal.invalid("neither the response nor its assertion is signed");
        }
        return identity(expected, assertion, requestId, now);
    }

    private UpstreamIdentity identity(ResponseExpectations expected, Assertion assertion, Optional<String> requestId,
                                      Instant now) throws FederationException {
        SamlMessages.requireVersion2(assertion.getVersion(), "the assertion");
        SamlMessages.requireIssuer(assertion.getIssuer(), expected.entityId(), "the assertion", true);
        if (assertion.getID() == null || assertion.getID().isBlank()) {
            throw Refusal.invalid("the assertion has no ID");
        }
        if (assertion.getIssueInstant() != null && assertion.getIssueInstant().isAfter(now.plus(skew))) {
            throw Refusal.invalid("the assertion is issued in the future");
        }
        Instant conditionsEnd = checkConditions(assertion.getConditions(), expected, now);
        Subject subject = assertion.getSubject();
        if (subject == null) {
            throw Refusal.invalid("the assertion has no Subject");
        }
        Instant confirmationEnd = checkBearerConfirmation(subject, expected, requestId, now);
        if (assertion.getAuthnStatements().isEmpty()) {
            throw Refusal.invalid("the assertion has no AuthnStatement");
        }
        for (AuthnStatement statement : assertion.getAuthnStatements()) {
            Instant sessionEnd = statement.getSessionNotOnOrAfter();
            if (sessionEnd != null && !now.minus(skew).isBefore(sessionEnd)) {
                throw Refusal.invalid("the assertion's session has ended (SessionNotOnOrAfter)");
            }
        }
        NameID nameId = subject.getNameID();
        if (nameId == null) {
            throw Refusal.invalid(subject.getEncryptedID() != null
                    ? "the assertion's NameID is encrypted, which is not supported"
                    : "the assertion's Subject has no NameID");
        }
        if (nameId.getValue() == null || nameId.getValue().isBlank()) {
            throw Refusal.invalid("the assertion's NameID is empty");
        }
        String sessionIndex = assertion.getAuthnStatements().get(0).getSessionIndex();
        SignOutHint hint = new SignOutHint(nameId.getValue(), Optional.ofNullable(nameId.getFormat()),
                Optional.ofNullable(nameId.getNameQualifier()), Optional.ofNullable(nameId.getSPNameQualifier()),
                Optional.ofNullable(sessionIndex));
        Instant until = conditionsEnd != null && conditionsEnd.isBefore(confirmationEnd) ? conditionsEnd
                : confirmationEnd;
        return new UpstreamIdentity(nameId.getValue(), claims(assertion), Optional.of(hint.toText()),
                Optional.of(new ReplayKey(assertion.getID(), until)), SessionKeys.of(nameId.getValue(), sessionIndex));
    }

    /** Checks the validity window and the audience; returns the NotOnOrAfter, if any. */
    private Instant checkConditions(Conditions conditions, ResponseExpectations expected, Instant now)
            throws FederationException {
        if (conditions == null) {
            throw Refusal.invalid("the assertion has no Conditions (and so no audience)");
        }
        if (conditions.getNotBefore() != null && now.plus(skew).isBefore(conditions.getNotBefore())) {
            throw Refusal.invalid("the assertion is not yet valid (NotBefore)");
        }
        if (conditions.getNotOnOrAfter() != null && !now.minus(skew).isBefore(conditions.getNotOnOrAfter())) {
            throw Refusal.invalid("the assertion has expired (NotOnOrAfter)");
        }
        List<AudienceRestriction> restrictions = conditions.getAudienceRestrictions();
        if (restrictions.isEmpty()) {
            throw Refusal.invalid("the assertion has no AudienceRestriction");
        }
        // Core 2.5.1.4: every AudienceRestriction must be met, each by one of its audiences.
        for (AudienceRestriction restriction : restrictions) {
            boolean ours = restriction.getAudiences().stream().map(Audience::getURI)
                    .anyMatch(expected.audiences()::contains);
            if (!ours) {
                throw Refusal.invalid("the assertion's audience is not " + expected.receiver() + " ("
                        + ResponseExpectations.named(expected.audiences()) + ")");
            }
        }
        for (Condition condition : conditions.getConditions()) {
            if (!(condition instanceof AudienceRestriction || condition instanceof OneTimeUse
                    || condition instanceof ProxyRestriction)) {
                // Core 2.5.1: a condition the relying party does not understand makes the assertion indeterminate.
                throw Refusal.invalid("the assertion has a condition of an unknown kind");
            }
        }
        return conditions.getNotOnOrAfter();
    }

    /**
     * Profiles 4.1.4.2: at least one bearer SubjectConfirmation whose data names an expected recipient (this pool's
     * ACS) as Recipient, has not expired and answers this request (or, unsolicited, none). Returns its NotOnOrAfter.
     */
    private Instant checkBearerConfirmation(Subject subject, ResponseExpectations expected,
                                            Optional<String> requestId, Instant now) throws FederationException {
        FederationException first = null;
        for (SubjectConfirmation confirmation : subject.getSubjectConfirmations()) {
            if (!SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())) {
                continue;
            }
            try {
                return checkBearer(confirmation.getSubjectConfirmationData(), expected, requestId, now);
            } catch (FederationException e) {
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : Refusal.invalid("the assertion has no bearer SubjectConfirmation");
    }

    private Instant checkBearer(SubjectConfirmationData data, ResponseExpectations expected,
                                Optional<String> requestId, Instant now) throws FederationException {
        if (data == null) {
            throw Refusal.invalid("the bearer SubjectConfirmation has no SubjectConfirmationData");
        }
        if (data.getRecipient() == null || !expected.recipients().contains(data.getRecipient())) {
            throw Refusal.invalid("the bearer SubjectConfirmationData's Recipient is not " + expected.receiver()
                    + "'s ACS " + ResponseExpectations.named(expected.recipients()));
        }
        if (data.getNotOnOrAfter() == null) {
            throw Refusal.invalid("the bearer SubjectConfirmationData has no NotOnOrAfter");
        }
        if (!now.minus(skew).isBefore(data.getNotOnOrAfter())) {
            throw Refusal.invalid("the bearer SubjectConfirmationData has expired (NotOnOrAfter)");
        }
        if (data.getNotBefore() != null && now.plus(skew).isBefore(data.getNotBefore())) {
            throw Refusal.invalid("the bearer SubjectConfirmationData is not yet valid (NotBefore)");
        }
        requireInResponseTo(data.getInResponseTo(), requestId, "the bearer SubjectConfirmationData");
        return data.getNotOnOrAfter();
    }

    /** Refuses a Destination that is absent or none of the expected recipients. */
    private static void requireInResponseTo(String inResponseTo, Optional<String> requestId, String what)
            throws FederationException {
        if (requestId.isEmpty()) {
            if (inResponseTo != null) {
                throw Refusal.invalid(what + " answers a request (InResponseTo), but the sign-in is unsolicited");
            }
        } else if (!requestId.get().equals(inResponseTo)) {
            throw Refusal.invalid(inResponseTo == null ? what + " names no InResponseTo"
                    : what + "'s InResponseTo is another request's");
        }
    }

    private static void requireSuccess(Response response) throws FederationException {
        SamlMessages.StatusCodes status = SamlMessages.StatusCodes.of(response.getStatus());
        if (status.success()) {
            return;
        }
        boolean refused = status.second().filter(code -> code.equals(StatusCode.AUTHN_FAILED)
                || code.equals(StatusCode.REQUEST_DENIED)).isPresent();
        throw new FederationException(refused ? Reason.ACCESS_DENIED : Reason.IDP_ERROR,
                "the identity provider answered the sign-in with the status " + status.describe());
    }

    /**
     * Each attribute by its Name: one value as text, several as a JSON array of texts; values of attributes of the
     * same Name together.
     */
    static Map<String, String> claims(Assertion assertion) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (AttributeStatement statement : assertion.getAttributeStatements()) {
            for (Attribute attribute : statement.getAttributes()) {
                if (attribute.getName() == null || attribute.getName().isBlank()) {
                    continue;
                }
                List<String> these = values.computeIfAbsent(attribute.getName(), n -> new ArrayList<>());
                for (XMLObject value : attribute.getAttributeValues()) {
                    these.add(value.getDOM() == null ? "" : value.getDOM().getTextContent());
                }
            }
        }
        Map<String, String> claims = new LinkedHashMap<>();
        values.forEach((name, list) -> claims.put(name, list.size() == 1 ? list.get(0) : JsonText.array(list)));
        return claims;
    }
}
