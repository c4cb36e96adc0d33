package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.SignOutRequest;
import io.gatehouse.api.federation.SignOutStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.federation.UpstreamSignOut;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code SAML}: sign-in and sign-out through a SAML 2.0 IdP (Web Browser SSO and Single Logout profiles), as Cognito's
 * SAML identity providers. See the module's README for the details it takes and what it checks.
 */
final class SamlFederationProvider implements FederationProvider {

    private final MetadataCache metadata;
    private final DetailsConfigurer configurer;
    private final ResponseCheck responses;
    private final LogoutCheck logouts;
    private final Clock clock;

    SamlFederationProvider(MetadataCache metadata, SamlOptions options, Clock clock) {
        this.metadata = metadata;
        this.configurer = new DetailsConfigurer(metadata, options, clock);
        this.responses = new ResponseCheck(clock, options.clockSkew());
        this.logouts = new LogoutCheck(clock, options.clockSkew());
        this.clock = clock;
    }

    @Override
    public String providerType() {
        return "SAML";
    }

    @Override
    public List<DetailKey> detailKeys() {
        return SamlDetailKeys.ALL;
    }

    /**
     * The user's name is made from the NameID ({@link UpstreamIdentity#subject()}), which is not an attribute: the
     * mapping says so, and no administrator's mapping can change it.
     */
    @Override
    public Map<String, String> fixedAttributeMapping() {
        return Map.of("username", "NameID");
    }

    @Override
    public Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        return configurer.configure(requested);
    }

    /** A new MetadataURL or MetadataFile replaces the other one and recomputes the endpoints and entity id. */
    @Override
    public Map<String, String> reconfigure(Map<String, String> given, Map<String, String> stored)
            throws InvalidProviderDetailsException {
        return configurer.reconfigure(given, stored);
    }

    /**
     * An AuthnRequest by HTTP-Redirect (by HTTP-POST, signed, when the IdP takes no redirect), signed when
     * {@code RequestSigningAlgorithm} is set or the IdP's metadata wants it.
     */
    @Override
    public SignInStart begin(IdentityProviderSettings settings, SignInRequest request) throws FederationException {
        SamlIdp idp = SamlIdp.of(settings, metadata, clock.instant());
        PendingRequest pending = PendingRequest.fresh(clock.instant());
        boolean byRedirect = idp.metadata().ssoRedirect().isPresent();
        SamlEndpoint sso = idp.metadata().singleSignOn();
        AuthnRequest authnRequest = SamlRequests.authnRequest(pending, sso.location(), idp.localParty());
        Optional<KeyCredential> signer = idp.signRequests() || !byRedirect
                ? signer(idp, idp.signRequests()) : Optional.empty();
        Outgoing outgoing = Outbound.send(authnRequest, sso.location(), byRedirect, "SAMLRequest",
                Optional.of(request.state()), signer);
        return new SignInStart(outgoing, pending.toText());
    }

    @Override
    public UpstreamIdentity complete(IdentityProviderSettings settings, Callback callback, String pendingState)
            throws FederationException {
        PendingRequest pending = PendingRequest.parse(pendingState);
        SamlIdp idp = SamlIdp.of(settings, metadata, clock.instant());
        return responses.check(idp, postedResponse(callback), Optional.of(pending.id()));
    }

    @Override
    public boolean callbackIsFormPost(IdentityProviderSettings idp) {
        return true;
    }

    @Override
    public boolean acceptsUnsolicited(IdentityProviderSettings settings) {
        return SamlIdp.isTrue(settings, SamlDetailKeys.IDP_INIT);
    }

    @Override
    public UpstreamIdentity completeUnsolicited(IdentityProviderSettings settings, Callback callback)
            throws FederationException {
        if (!acceptsUnsolicited(settings)) {
            throw Refusal.invalid("the IdP may not begin sign-ins (IDPInit is not true)");
        }
        SamlIdp idp = SamlIdp.of(settings, metadata, clock.instant());
        return responses.check(idp, postedResponse(callback), Optional.empty());
    }

    /**
     * A SAML Response an app brings to an identity pool (base64, under the IAM SAML provider's ARN), checked as an
     * unsolicited sign-in: every rule of {@link #completeUnsolicited}, with no InResponseTo allowed, against the IAM
     * provider's metadata ({@code MetadataFile} of the login's details), for one of the login's audiences and sent to
     * one of its recipients. An encrypted assertion is refused: an identity pool has no key of its own to open it.
     */
    @Override
    public UpstreamIdentity verifyIdentityPoolLogin(IdentityPoolLogin login) throws FederationException {
        if (login.recipients().isEmpty()) {
            throw new IllegalArgumentException("a SAML identity-pool login needs the recipients it may be sent to");
        }
        String file = login.details().get(SamlDetailKeys.METADATA_FILE);
        if (file == null || file.isBlank()) {
            throw Refusal.invalid("the SAML provider has no " + SamlDetailKeys.METADATA_FILE);
        }
        IdpMetadata idp;
        try {
            idp = metadata.fromFile(file, clock.instant());
        } catch (MetadataException e) {
            throw Refusal.invalid("the SAML provider's metadata cannot be used: " + e.getMessage(), e);
        }
        byte[] xml = PostBinding.decode(login.token(), "SAMLResponse");
        return responses.check(new ResponseExpectations(idp, login.audiences(), login.recipients(), false, List.of(),
                "an identity pool"), xml, Optional.empty());
    }

    @Override
    public Optional<String> issuer(Map<String, String> details) {
        return Optional.ofNullable(details.get(SamlDetailKeys.IDP_ENTITY_ID)).filter(id -> !id.isBlank());
    }

    @Override
    public Optional<String> claimedIssuer(Callback callback) {
        return ClaimedIssuer.of(callback);
    }

    /**
     * A LogoutRequest for the session the sign-in's hint names, always signed, when the IdP's {@code IDPSignout} is
     * true and it has a SingleLogoutService; the IdP answers at the pool's {@code /saml2/logout}.
     */
    @Override
    public Optional<SignOutStart> beginSignOut(IdentityProviderSettings settings, Optional<String> signOutHint,
                                               SignOutRequest request) {
        Optional<SignOutHint> hint = signOutHint.flatMap(SignOutHint::parse);
        if (hint.isEmpty() || !SamlIdp.isTrue(settings, SamlDetailKeys.IDP_SIGNOUT)) {
            return Optional.empty();
        }
        SamlIdp idp;
        try {
            idp = SamlIdp.of(settings, metadata, clock.instant());
        } catch (FederationException e) {
            // The engine has ended its own session; without the IdP's metadata the browser just goes on.
            return Optional.empty();
        }
        Optional<SamlEndpoint> slo = idp.metadata().singleLogout();
        if (slo.isEmpty()) {
            return Optional.empty();
        }
        PendingRequest pending = PendingRequest.fresh(clock.instant());
        LogoutRequest logoutRequest = SamlRequests.logoutRequest(pending, slo.get().location(), idp.localParty(),
                hint.get());
        Outgoing outgoing = Outbound.send(logoutRequest, slo.get().location(),
                idp.metadata().sloRedirect().isPresent(), "SAMLRequest", Optional.of(request.state()),
                Optional.of(idp.localParty().activeSigning()));
        return Optional.of(new SignOutStart(outgoing, Optional.of(pending.toText())));
    }

    @Override
    public void completeSignOut(IdentityProviderSettings settings, Callback callback, String pendingState)
            throws FederationException {
        PendingRequest pending = PendingRequest.parse(pendingState);
        SamlIdp idp = SamlIdp.of(settings, metadata, clock.instant());
        Incoming incoming = Incoming.read(callback, "SAMLResponse")
                .orElseThrow(() -> Refusal.invalid("the callback holds no SAMLResponse"));
        logouts.checkResponse(idp, incoming, pending.id());
    }

    /**
     * The IdP's own LogoutRequest, taken when its {@code IDPSignout} is true, answered with a signed LogoutResponse
     * by the binding of its SingleLogoutService, the RelayState echoed.
     */
    @Override
    public UpstreamSignOut signOutRequested(IdentityProviderSettings settings, Callback callback)
            throws FederationException {
        if (!SamlIdp.isTrue(settings, SamlDetailKeys.IDP_SIGNOUT)) {
            throw Refusal.invalid("the IdP may not sign users out (IDPSignout is not true)");
        }
        SamlIdp idp = SamlIdp.of(settings, metadata, clock.instant());
        SamlEndpoint slo = idp.metadata().singleLogout()
                .orElseThrow(() -> Refusal.invalid("the IdP's metadata has no SingleLogoutService to answer"));
        Incoming incoming = Incoming.read(callback, "SAMLRequest")
                .orElseThrow(() -> Refusal.invalid("the callback holds no SAMLRequest"));
        LogoutRequest request = logouts.checkRequest(idp, incoming);
        LogoutResponse answer = SamlRequests.logoutResponse(request.getID(), slo.responseTarget(), idp.localParty(),
                clock.instant());
        Outgoing outgoing = Outbound.send(answer, slo.responseTarget(), idp.metadata().sloRedirect().isPresent(),
                "SAMLResponse", incoming.relayState(), Optional.of(idp.localParty().activeSigning()));
        String nameId = request.getNameID().getValue();
        List<String> sessions = request.getSessionIndexes().stream()
                .flatMap(index -> SessionKeys.of(nameId, index.getValue()).stream()).toList();
        return new UpstreamSignOut(nameId, outgoing, sessions);
    }

    /**
     * The SAMLResponse of a sign-in callback: by HTTP-POST only, as the Web Browser SSO profile has it (a response
     * in the query would have put an assertion in a URL).
     */
    private static byte[] postedResponse(Callback callback) throws FederationException {
        if (RedirectBinding.receive(callback.rawQuery(), "SAMLResponse").isPresent()) {
            throw Refusal.invalid("a SAMLResponse to a sign-in must come by HTTP-POST, not in the query");
        }
        String posted = callback.single("SAMLResponse")
                .orElseThrow(() -> Refusal.invalid("the callback holds no SAMLResponse"));
        return PostBinding.decode(posted, "SAMLResponse");
    }

    private static Optional<KeyCredential> signer(SamlIdp idp, boolean required) {
        if (idp.localParty().signing().isEmpty()) {
            if (required) {
                throw new IllegalStateException("the IdP's requests must be signed, but the pool has no signing key");
            }
            return Optional.empty();
        }
        return Optional.of(idp.localParty().activeSigning());
    }
}
