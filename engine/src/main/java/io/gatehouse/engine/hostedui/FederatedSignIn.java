package io.gatehouse.engine.hostedui;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.federation.UpstreamSignOut;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.FederationTypes;
import io.gatehouse.engine.metrics.GatehouseMetrics;
import io.gatehouse.engine.metrics.SignInMetrics;
import io.gatehouse.engine.federation.IdentityProviders;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.federation.flow.FederatedLogins;
import io.gatehouse.engine.federation.flow.FederatedReplays;
import io.gatehouse.engine.federation.local.LocalParties;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A sign-in through an external IdP, on the browser's side: sends it to the IdP with a state bound to it by a
 * cookie, and when it comes back to {@code /oauth2/idpresponse} (or SAML's {@code /saml2/idpresponse}), checks the
 * answer, signs the upstream user in as the pool's user and answers the app's authorization request as any sign-in
 * does. Sign-outs continued at an IdP, or begun by one, come back through here too.
 */
@RequestScoped
public class FederatedSignIn {

    private static final Logger LOG = Logger.getLogger(FederatedSignIn.class.getName());

    /** How many pools' IdPs one sign-out request from a shared IdP reaches, at most. */
    static final int MAX_POOLS_PER_ISSUER = 50;

    @Inject
    GatehouseMetrics metrics;

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

    @Inject
    LocalParties localParties;

    @Inject
    FederatedReplays replays;

    @Inject
    HostedSessions sessions;

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
        // Lax is enough for an answer by redirect (a top-level GET); a form the IdP's page posts here is a
        // cross-site POST, with which browsers send only SameSite=None cookies.
        support.browser().setCookie(bindingCookie(begun.state()), begun.browserBinding(),
                FederatedLogins.VALIDITY.toSeconds(), begun.answeredByPost() ? "None" : "Lax");
        return send(begun.outgoing(), request.parameters().get("lang"));
    }

    /** Sends the browser on to an IdP: a redirect, or a page that posts a form there. */
    Response send(Outgoing outgoing, String lang) {
        Browser browser = support.browser();
        if (outgoing instanceof Outgoing.Redirect redirect) {
            return browser.redirect(redirect.location(), null);
        }
        Outgoing.FormPost post = (Outgoing.FormPost) outgoing;
        Locale locale = browser.locale(lang);
        Map<String, Object> model = new HashMap<>();
        model.put("action", post.action().toString());
        model.put("fields", new TreeMap<>(post.fields()));
        model.put("lang", locale.getLanguage());
        return browser.formPost(support.pages().render("form-post", locale, model), post.action());
    }

    /** The IdP's answer at {@code /oauth2/idpresponse}: query parameters, or a posted form's with them. */
    Response complete(MultivaluedMap<String, String> parameters) {
        return completeSolicited(parameters, parameters.getFirst("state"), callbackUri(),
                (request, idp, reason) -> support.refuseToClient(request, reason == FederationException.Reason
                        .ACCESS_DENIED ? "access_denied" : reason == FederationException.Reason.UNAVAILABLE
                        ? "temporarily_unavailable" : "invalid_request", "The sign-in at " + idp
                        + " did not succeed."));
    }

    /**
     * An IdP's answer at {@code /saml2/idpresponse}: to a sign-in begun here when its {@code RelayState} is one of
     * ours, else a sign-in the IdP began, whose relay state is the app's authorization request (Cognito's
     * IdP-initiated form). A SAML failure ends on the error page, in the user's language.
     */
    Response completeSaml(MultivaluedMap<String, String> parameters) {
        String relayState = parameters.getFirst("RelayState");
        Failure toErrorPage = (request, idp, reason) -> failedPage(idp, request.parameters().get("lang"));
        // Our states are base64url, without '=': a relay state with client_id= is an app's request, never one.
        if (relayState != null && relayState.contains("client_id=")) {
            return completeUnsolicited(parameters, relayState, toErrorPage);
        }
        return completeSolicited(parameters, relayState, localParties.assertionConsumerUri(), toErrorPage);
    }

    /** How a sign-in the IdP's provider refused is answered. */
    @FunctionalInterface
    interface Failure {
        Response answer(AuthorizationRequest request, String providerName, FederationException.Reason reason);
    }

    private Response completeSolicited(MultivaluedMap<String, String> parameters, String state, URI callback,
                                       Failure failure) {
        Browser browser = support.browser();
        FederatedLogins.Returned returned;
        try {
            returned = logins.take(state, state == null ? null : browser.cookie(bindingCookie(state)));
        } catch (ServiceException e) {
            LOG.log(Level.INFO, "An identity provider''s answer was refused: {0}", e.getMessage());
            return support.error(400, "invalid_request", e.getMessage(), null);
        }
        browser.setCookie(bindingCookie(state), "", 0, "Lax");
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        returned.requestParameters().forEach(query::add);
        AuthorizationRequest request = support.request(query);
        PoolIdentityProvider idp = returned.idp();
        UpstreamIdentity identity;
        long started = System.nanoTime();
        try (FederationProvider provider = types.named(idp.providerType())) {
            identity = provider.complete(localParties.settingsOf(idp), new Callback(callback, Map.copyOf(parameters)),
                    returned.pendingState());
            counted(idp, null, started);
        } catch (FederationException e) {
            counted(idp, e, started);
            logFailure(idp, e);
            return failure.answer(request, idp.providerName(), e.reason());
        }
        return signIn(request, idp, identity, failure);
    }

    private Response completeUnsolicited(MultivaluedMap<String, String> parameters, String relayState,
                                         Failure failure) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        try {
            RedirectParameters.decode(relayState).forEach(query::addAll);
        } catch (IllegalArgumentException e) {
            return support.error(400, "invalid_request", "The relay state is not an authorization request.", null);
        }
        AuthorizationRequest request = support.request(query);
        PoolIdentityProvider idp = unsolicitedIdp(request, parameters);
        UpstreamIdentity identity;
        try (FederationProvider provider = types.named(idp.providerType())) {
            IdentityProviderSettings settings = localParties.settingsOf(idp);
            if (!provider.acceptsUnsolicited(settings)) {
                LOG.log(Level.INFO, "{0} of pool {1} sent a sign-in it began, which it may not (IDPInit)",
                        new Object[] {idp.providerName(), idp.userPoolId()});
                return failure.answer(request, idp.providerName(), FederationException.Reason.INVALID_RESPONSE);
            }
            long started = System.nanoTime();
            try {
                identity = provider.completeUnsolicited(settings, new Callback(localParties.assertionConsumerUri(),
                        Map.copyOf(parameters)));
            } catch (FederationException e) {
                counted(idp, e, started);
                throw e;
            }
            counted(idp, null, started);
        } catch (FederationException e) {
            logFailure(idp, e);
            return failure.answer(request, idp.providerName(), e.reason());
        }
        return signIn(request, idp, identity, failure);
    }

    /**
     * The IdP an unsolicited answer is for: the one the relay state names, else the one of the client's pool that
     * the answer's issuer names; either way one the client supports.
     */
    private PoolIdentityProvider unsolicitedIdp(AuthorizationRequest request,
                                                MultivaluedMap<String, String> parameters) {
        String pool = request.client().userPoolId();
        Optional<PoolIdentityProvider> idp = request.identityProvider().flatMap(name -> identityProviders.find(pool,
                name));
        if (idp.isEmpty()) {
            idp = claimedIssuer(parameters).flatMap(issuer -> identityProviders.byIssuer(issuer, Optional.of(pool), 2)
                    .stream().filter(candidate -> supported(request).contains(candidate.providerName())).findFirst());
        }
        return idp.filter(candidate -> supported(request).contains(candidate.providerName())).orElseThrow(() ->
                new PageSupport.Refused(support.error(400, "invalid_request", "The relay state names no identity "
                        + "provider of this client.", request.parameters().get("lang"))));
    }

    /** The issuer an unasked SAML message claims, by any installed type that reads one. */
    private Optional<String> claimedIssuer(MultivaluedMap<String, String> parameters) {
        Callback callback = new Callback(localParties.assertionConsumerUri(), Map.copyOf(parameters));
        return types.claimedIssuer(callback);
    }

    /** Signs the upstream identity in as the pool's user, once per single-use answer. */
    private Response signIn(AuthorizationRequest request, PoolIdentityProvider idp, UpstreamIdentity identity,
                            Failure failure) {
        if (identity.replayKey().isPresent()
                && !replays.firstUse(idp.userPoolId(), idp.providerName(), identity.replayKey().get())) {
            LOG.log(Level.WARNING, "A sign-in through {0} of pool {1} replayed an answer already used",
                    new Object[] {idp.providerName(), idp.userPoolId()});
            return failure.answer(request, idp.providerName(), FederationException.Reason.INVALID_RESPONSE);
        }
        UserRecord user;
        try {
            user = users.signInAs(pools.get(idp.userPoolId()), idp, identity,
                    Optional.of(request.client().clientId()));
        } catch (ServiceException e) {
            return support.refuseToClient(request, "invalid_request", e.getMessage());
        }
        // The session remembers the IdP, and what ends the IdP's own session, sealed: /logout may continue there.
        Optional<String> sealedHint = identity.signOutHint().map(hint -> dataKey.sealText(hint,
                signOutHintContext(idp.userPoolId(), idp.providerName())));
        return support.flow().signedIn(support.browser(), request, user, Optional.of(new HostedSessions.Upstream(
                idp.userPoolId(), idp.providerName(), sealedHint, identity.sessionKey())));
    }

    /**
     * Counts one IdP answer checked by its type: the call's latency (a token exchange or key fetch happens in it)
     * and the federated sign-in's outcome.
     *
     * @param failure the type's refusal, or null when the answer was verified
     */
    private void counted(PoolIdentityProvider idp, FederationException failure, long started) {
        metrics.federationCall(idp.providerType(), failure == null ? "ok"
                : failure.reason().name().toLowerCase(Locale.ROOT), System.nanoTime() - started);
        metrics.signIn(SignInMetrics.FEDERATED, failure == null ? GatehouseMetrics.SignInOutcome.SUCCESS
                : GatehouseMetrics.SignInOutcome.FAILURE);
    }

    private static void logFailure(PoolIdentityProvider idp, FederationException e) {
        LOG.log(Level.INFO, "A sign-in through {0} of pool {1} failed ({2}): {3}",
                new Object[] {idp.providerName(), idp.userPoolId(), e.reason(), e.getMessage()});
    }

    private Response failedPage(String providerName, String lang) {
        Locale locale = support.browser().locale(lang);
        return support.error(400, "invalid_request", BundleMessages.message(locale, "error.federation",
                providerName), lang);
    }

    /**
     * Where /logout continues after ending a session begun at an external IdP: the IdP's own sign-out, if its
     * provider has one for it, coming back to {@code returnTo} (SAML by way of {@code /saml2/logout}).
     */
    Optional<Response> signOutAt(HostedSessions.Upstream upstream, URI returnTo, String lang) {
        Optional<PoolIdentityProvider> idp = identityProviders.find(upstream.userPoolId(), upstream.providerName());
        if (idp.isEmpty() || !types.exists(idp.get().providerType())) {
            // Deleted since, or its type no longer installed: the sign-out ends here, as it would without one.
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
        Optional<FederatedLogins.SignOutBegun> begun = logins.beginSignOut(idp.get(), hint, returnTo,
                localParties.singleLogoutUri());
        begun.ifPresent(b -> b.state().ifPresent(state -> support.browser().setCookie(bindingCookie(state),
                b.browserBinding().orElseThrow(), FederatedLogins.VALIDITY.toSeconds(), "None")));
        return begun.map(b -> send(b.outgoing(), lang));
    }

    /**
     * The IdP's answer to a sign-out continued there ({@code /saml2/logout} with a SAMLResponse): checked, and the
     * browser sent on to where the sign-out was going. The session here ended before; a forged or failed answer is
     * logged, and the browser still goes on, since the app's sign-out URL was checked when the sign-out began.
     */
    Response completeSignOut(MultivaluedMap<String, String> parameters, Optional<String> rawQuery) {
        Browser browser = support.browser();
        String state = parameters.getFirst("RelayState");
        FederatedLogins.Returned returned;
        try {
            returned = logins.takeSignOut(state, state == null ? null : browser.cookie(bindingCookie(state)));
        } catch (ServiceException e) {
            LOG.log(Level.INFO, "An identity provider''s sign-out answer was refused: {0}", e.getMessage());
            return support.error(400, "invalid_request", e.getMessage(), null);
        }
        browser.setCookie(bindingCookie(state), "", 0, "Lax");
        PoolIdentityProvider idp = returned.idp();
        try (FederationProvider provider = types.named(idp.providerType())) {
            provider.completeSignOut(localParties.settingsOf(idp), new Callback(localParties.singleLogoutUri(),
                    Map.copyOf(parameters), rawQuery), returned.pendingState());
        } catch (FederationException e) {
            LOG.log(Level.WARNING, "The sign-out at {0} of pool {1} did not succeed ({2}): {3}",
                    new Object[] {idp.providerName(), idp.userPoolId(), e.reason(), e.getMessage()});
        }
        return browser.redirect(URI.create(returned.requestParameters().get(FederatedLogins.RETURN_TO)), null);
    }

    /**
     * A sign-out the IdP began ({@code /saml2/logout} with a SAMLRequest). Every IdP that names itself as the request
     * does (on a pool's domain, only that pool's) checks it, since pools on the server's own address share
     * {@code /saml2/logout} and a request does not say which pool it means; in each pool whose IdP accepts it, the
     * hosted sessions begun in the IdP sessions it names end (a SAML SessionIndex, which only the pool that got it
     * has), or, when it names none, every session the user began at that IdP. The IdP gets its answer from the pool
     * that had a session to end (else the first that accepted the request).
     */
    Response signOutRequested(MultivaluedMap<String, String> parameters, Optional<String> rawQuery) {
        Callback callback = new Callback(localParties.singleLogoutUri(), Map.copyOf(parameters), rawQuery);
        Optional<String> issuer = types.claimedIssuer(callback);
        if (issuer.isEmpty()) {
            return support.error(400, "invalid_request", "The sign-out request names no issuer.", null);
        }
        Optional<Outgoing> answer = Optional.empty();
        boolean answerEndedSessions = false;
        FederationException last = null;
        for (PoolIdentityProvider idp : identityProviders.byIssuer(issuer.get(), support.poolOfHost(),
                MAX_POOLS_PER_ISSUER)) {
            if (!types.exists(idp.providerType())) {
                continue;
            }
            UpstreamSignOut signOut;
            try (FederationProvider provider = types.named(idp.providerType())) {
                signOut = provider.signOutRequested(localParties.settingsOf(idp), callback);
            } catch (FederationException e) {
                LOG.log(Level.INFO, "{0} of pool {1} did not accept a sign-out request: {2}",
                        new Object[] {idp.providerName(), idp.userPoolId(), e.getMessage()});
                last = e;
                continue;
            }
            int ended = users.subOf(pools.get(idp.userPoolId()), idp, signOut.subject())
                    .map(sub -> sessions.endAt(idp.userPoolId(), sub, idp.providerName(), signOut.sessionKeys()))
                    .orElse(0);
            LOG.log(Level.INFO, "{0} of pool {1} signed a user out; {2} session(s) ended",
                    new Object[] {idp.providerName(), idp.userPoolId(), ended});
            if (answer.isEmpty() || (ended > 0 && !answerEndedSessions)) {
                answer = Optional.of(signOut.answer());
                answerEndedSessions = ended > 0;
            }
        }
        if (answer.isPresent()) {
            return send(answer.get(), null);
        }
        LOG.log(Level.INFO, "A sign-out request claiming issuer {0} was refused: {1}",
                new Object[] {issuer.get(), last == null ? "no identity provider has that issuer" : last.getMessage()});
        return support.error(400, "invalid_request", "The sign-out request was not accepted.", null);
    }

    private static String signOutHintContext(String userPoolId, String providerName) {
        return "hosted-session-sign-out\u0000" + userPoolId + "\u0000" + providerName;
    }
}
