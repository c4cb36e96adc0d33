package io.gatehouse.engine.hostedui;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.FederationTypes;
import io.gatehouse.engine.federation.IdentityProviders;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.federation.flow.FederatedLogins;
import io.gatehouse.engine.federation.flow.UpstreamUsers;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.oauth.RedirectParameters;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A sign-in through an external IdP, on the browser's side: sends it to the IdP with a state bound to it by a
 * cookie, and when it comes back to {@code /oauth2/idpresponse}, checks the answer, signs the upstream user in as
 * the pool's user and answers the app's authorization request as any sign-in does.
 */
@RequestScoped
public class FederatedSignIn {

    private static final Logger LOG = Logger.getLogger(FederatedSignIn.class.getName());

    @Inject
    PageSupport support;

    @Inject
    FederatedLogins logins;

    @Inject
    UpstreamUsers users;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    FederationTypes types;

    @Inject
    UserPools pools;

    @Inject
    GatehouseConfig config;

    @Inject
    DataKey dataKey;

    /** The callback the IdPs' client registrations list (Cognito's {@code /oauth2/idpresponse}). */
    URI callbackUri() {
        return URI.create(config.baseUrl() + "/oauth2/idpresponse");
    }

    /** The cookie that binds a sign-in to the browser that began it; named after its state, so tabs do not clash. */
    static String bindingCookie(String state) {
        return "gatehouse_idp_" + Hashes.sha256Hex(state).substring(0, 16);
    }

    /**
     * The sign-in page's buttons: one per external IdP of the pool the client supports, each its name and the
     * authorization request again with {@code identity_provider} set.
     */
    List<Map<String, String>> links(AuthorizationRequest request) {
        List<Map<String, String>> links = new ArrayList<>();
        for (String name : supported(request)) {
            Map<String, String> parameters = withoutIdp(request);
            parameters.put("identity_provider", name);
            links.add(Map.of("name", name, "href", "/oauth2/authorize?" + RedirectParameters.encode(parameters)));
        }
        return links;
    }

    /**
     * Whether the sign-in page asks for a corporate e-mail address: when an IdP the client supports has
     * {@code IdpIdentifiers}, the address's domain finds it ({@code idp_identifier}).
     */
    boolean asksForIdentifier(AuthorizationRequest request) {
        return supported(request).stream().anyMatch(name -> identityProviders.find(request.client().userPoolId(),
                name).map(idp -> !idp.idpIdentifiers().isEmpty()).orElse(false));
    }

    /** The request's parameters but for the IdP it names, for a form that names one. */
    static Map<String, String> withoutIdp(AuthorizationRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
        parameters.remove("identity_provider");
        parameters.remove("idp_identifier");
        return parameters;
    }

    /** The external IdPs of the pool that the client supports. */
    private List<String> supported(AuthorizationRequest request) {
        return request.client().listSetting("SupportedIdentityProviders").stream()
                .filter(name -> !"COGNITO".equals(name))
                .filter(name -> identityProviders.find(request.client().userPoolId(), name).isPresent())
                .toList();
    }

    /** Sends the browser to the IdP the request names. */
    Response begin(AuthorizationRequest request) {
        String name = request.identityProvider().orElseThrow();
        PoolIdentityProvider idp = identityProviders.find(request.client().userPoolId(), name).orElseThrow(() ->
                support.toClient(request, "invalid_request", "Identity provider " + name + " is not configured "
                        + "for this client."));
        FederatedLogins.Begun begun;
        try {
            begun = logins.begin(idp, request.parameters(), callbackUri(), Optional.ofNullable(request.loginHint()));
        } catch (FederationException e) {
            LOG.log(Level.WARNING, "Could not begin a sign-in at {0} of pool {1}: {2}",
                    new Object[] {name, idp.userPoolId(), e.getMessage()});
            throw new PageSupport.Refused(support.refuseToClient(request, "temporarily_unavailable",
                    "The identity provider cannot be reached."));
        }
        Browser browser = support.browser();
        if (begun.outgoing() instanceof Outgoing.Redirect redirect) {
            // Lax is enough for an answer by redirect (a top-level GET); a form the IdP's page posts here is a
            // cross-site POST, with which browsers send only SameSite=None cookies.
            browser.setCookie(bindingCookie(begun.state()), begun.browserBinding(),
                    FederatedLogins.VALIDITY.toSeconds(), begun.answeredByPost() ? "None" : "Lax");
            return browser.redirect(redirect.location(), null);
        }
        throw new IllegalStateException("form posts to an IdP come with SAML");
    }

    /** The IdP's answer: query parameters, or a posted form's with them. */
    Response complete(MultivaluedMap<String, String> parameters) {
        Browser browser = support.browser();
        String state = parameters.getFirst("state");
        FederatedLogins.Returned returned;
        try {
            returned = logins.take(state, state == null ? null : browser.cookie(bindingCookie(state)));
        } catch (ServiceException e) {
            return support.error(400, "invalid_request", e.getMessage(), null);
        }
        if (state != null) {
            browser.setCookie(bindingCookie(state), "", 0, "Lax");
        }
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        returned.requestParameters().forEach(query::add);
        AuthorizationRequest request = support.request(query);
        PoolIdentityProvider idp = returned.idp();
        UpstreamIdentity identity;
        try (FederationProvider provider = types.named(idp.providerType())) {
            identity = provider.complete(idp.settings(), new Callback(callbackUri(), Map.copyOf(parameters)),
                    returned.pendingState());
        } catch (FederationException e) {
            LOG.log(Level.INFO, "A sign-in through {0} of pool {1} failed ({2}): {3}",
                    new Object[] {idp.providerName(), idp.userPoolId(), e.reason(), e.getMessage()});
            String error = e.reason() == FederationException.Reason.ACCESS_DENIED ? "access_denied"
                    : e.reason() == FederationException.Reason.UNAVAILABLE ? "temporarily_unavailable"
                    : "invalid_request";
            return support.refuseToClient(request, error, "The sign-in at " + idp.providerName()
                    + " did not succeed.");
        }
        UserRecord user;
        try {
            user = users.signInAs(pools.get(idp.userPoolId()), idp, identity);
        } catch (ServiceException e) {
            return support.refuseToClient(request, "invalid_request", e.getMessage());
        }
        // The session remembers the IdP, and what ends the IdP's own session, sealed: /logout may continue there.
        Optional<String> sealedHint = identity.signOutHint().map(hint -> dataKey.sealText(hint,
                signOutHintContext(idp.userPoolId(), idp.providerName())));
        return support.flow().signedIn(browser, request, user, Optional.of(new HostedSessions.Upstream(
                idp.userPoolId(), idp.providerName(), sealedHint)));
    }

    /**
     * Where /logout continues after ending a session begun at an external IdP: the IdP's own sign-out, if its
     * provider has one for it, coming back to {@code returnTo}.
     */
    Optional<URI> signOutAt(HostedSessions.Upstream upstream, URI returnTo) {
        Optional<PoolIdentityProvider> idp = identityProviders.find(upstream.userPoolId(), upstream.providerName());
        if (idp.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> hint;
        try {
            hint = upstream.sealedSignOutHint().map(sealed -> dataKey.openText(sealed,
                    signOutHintContext(upstream.userPoolId(), upstream.providerName())));
        } catch (RuntimeException e) {
            // Sealed with a key the server no longer has: the IdP is asked without the hint.
            hint = Optional.empty();
        }
        try (FederationProvider provider = types.named(idp.get().providerType())) {
            return provider.signOut(idp.get().settings(), hint, returnTo);
        } catch (ServiceException e) {
            // The IdP's type is no longer installed: the sign-out ends here, as it would without one.
            return Optional.empty();
        }
    }

    private static String signOutHintContext(String userPoolId, String providerName) {
        return "hosted-session-sign-out\u0000" + userPoolId + "\u0000" + providerName;
    }
}
