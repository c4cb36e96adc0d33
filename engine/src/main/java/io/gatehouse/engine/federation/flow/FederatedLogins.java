package io.gatehouse.engine.federation.flow;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.SignOutRequest;
import io.gatehouse.api.federation.SignOutStart;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.FederationTypes;
import io.gatehouse.engine.federation.IdentityProviders;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.federation.local.LocalParties;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.security.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-ins begun at an external IdP: the state sent there, bound to the browser that began it, and what is needed to
 * finish when the browser comes back. A sign-in is finished once, within ten minutes, in the browser that began it.
 * Sign-outs continued at an IdP that answers them (SAML) wait here the same way.
 */
@ApplicationScoped
public class FederatedLogins {

    /** How long a user has at the IdP. Cognito does not say; ten minutes covers a password reset there. */
    public static final Duration VALIDITY = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    FederationTypes types;

    @Inject
    LocalParties localParties;

    @Inject
    DataKey dataKey;

    @Inject
    Clock clock;

    @Inject
    ClusterJobs clusterJobs;

    /**
     * A sign-in begun: what to send the browser, the state it carries, the value of the cookie that binds the
     * sign-in to the browser, and whether the IdP will post the answer back (then the cookie must be SameSite=None).
     */
    public record Begun(Outgoing outgoing, String state, String browserBinding, boolean answeredByPost) {
    }

    /** A sign-in (or sign-out) back from the IdP, matched to the one that began it. */
    public record Returned(PoolIdentityProvider idp, Map<String, String> requestParameters, String pendingState) {
    }

    /**
     * A sign-out continued at an IdP: what to send the browser, and when the IdP answers it, the state and the cookie
     * binding it to this browser.
     */
    public record SignOutBegun(Outgoing outgoing, Optional<String> state, Optional<String> browserBinding) {
    }

    /** The parameter of a waiting sign-out that says where the browser goes in the end. */
    public static final String RETURN_TO = "return_to";

    /**
     * Begins a sign-in at {@code idp} for the app's authorization request {@code requestParameters}.
     *
     * @param callbackUri the server's {@code /oauth2/idpresponse}
     * @throws FederationException when the provider cannot prepare the request (its IdP unreachable)
     */
    @Transactional
    public Begun begin(PoolIdentityProvider idp, Map<String, String> requestParameters, URI callbackUri,
                       Optional<String> loginHint) throws FederationException {
        String state = RandomTokens.urlSafe(32);
        String binding = RandomTokens.urlSafe(32);
        SignInStart start;
        boolean answeredByPost;
        try (FederationProvider provider = types.named(idp.providerType())) {
            IdentityProviderSettings settings = localParties.settingsOf(idp);
            start = provider.begin(settings, new SignInRequest(callbackUri, state, loginHint));
            answeredByPost = provider.callbackIsFormPost(settings);
        }
        keep(idp, state, binding, requestParameters, start.pendingState(), FederatedLoginEntity.SIGN_IN);
        return new Begun(start.outgoing(), state, binding, answeredByPost);
    }

    /**
     * Continues a sign-out at {@code idp}, if its type signs out there; a sign-out the IdP will answer waits for its
     * answer here, as a sign-in does.
     *
     * @param returnTo    where the browser goes in the end, checked by the caller
     * @param callbackUri the server's {@code /saml2/logout}
     */
    @Transactional
    public Optional<SignOutBegun> beginSignOut(PoolIdentityProvider idp, Optional<String> signOutHint, URI returnTo,
                                               URI callbackUri) {
        String state = RandomTokens.urlSafe(32);
        Optional<SignOutStart> start;
        try (FederationProvider provider = types.named(idp.providerType())) {
            start = provider.beginSignOut(localParties.settingsOf(idp), signOutHint,
                    new SignOutRequest(returnTo, callbackUri, state));
        }
        if (start.isEmpty() || start.get().pendingState().isEmpty()) {
            return start.map(s -> new SignOutBegun(s.outgoing(), Optional.empty(), Optional.empty()));
        }
        String binding = RandomTokens.urlSafe(32);
        keep(idp, state, binding, Map.of(RETURN_TO, returnTo.toString()), start.get().pendingState().get(),
                FederatedLoginEntity.SIGN_OUT);
        return Optional.of(new SignOutBegun(start.get().outgoing(), Optional.of(state), Optional.of(binding)));
    }

    private void keep(PoolIdentityProvider idp, String state, String binding, Map<String, String> requestParameters,
                      String pendingState, String purpose) {
        long now = clock.millis();
        if (clusterJobs.due(ClusterJob.FEDERATED_LOGIN_PURGE, now)) {
            em.createQuery("delete from FederatedLoginEntity l where l.expiresAt < :now").setParameter("now", now)
                    .executeUpdate();
        }
        String stateHash = Hashes.sha256Hex(state);
        em.persist(new FederatedLoginEntity(stateHash, Hashes.sha256Hex(binding), idp.userPoolId(),
                idp.providerName(), Json.write(Json.MAPPER.valueToTree(requestParameters)),
                dataKey.sealText(pendingState, sealContext(stateHash)), now + VALIDITY.toMillis(), purpose));
    }

    /**
     * Takes the sign-in a callback's {@code state} names, once: a second callback with the same state finds nothing.
     *
     * @param browserBinding the binding cookie the browser sent back, or null
     * @throws ServiceException {@code NotAuthorizedException} when the state is unknown, spent, expired, or was begun
     *                          in another browser; {@code ResourceNotFoundException} when its IdP was deleted since
     */
    @Transactional(dontRollbackOn = ServiceException.class)
    public Returned take(String state, String browserBinding) {
        return take(state, browserBinding, FederatedLoginEntity.SIGN_IN);
    }

    /**
     * Takes the sign-out an IdP's answer names, once, as {@link #take} takes a sign-in; its request parameters hold
     * {@link #RETURN_TO}.
     */
    @Transactional(dontRollbackOn = ServiceException.class)
    public Returned takeSignOut(String state, String browserBinding) {
        return take(state, browserBinding, FederatedLoginEntity.SIGN_OUT);
    }

    private Returned take(String state, String browserBinding, String purpose) {
        if (state == null || state.isEmpty()) {
            throw new ServiceException("NotAuthorizedException", "The identity provider's answer has no state.");
        }
        String stateHash = Hashes.sha256Hex(state);
        FederatedLoginEntity login = em.find(FederatedLoginEntity.class, stateHash, LockModeType.PESSIMISTIC_WRITE);
        if (login == null || !login.purpose().equals(purpose)) {
            throw new ServiceException("NotAuthorizedException", "The sign-in this answer belongs to is unknown or "
                    + "already finished.");
        }
        // Spent whatever follows: a state is good for one try.
        em.remove(login);
        if (login.expiresAt() <= clock.millis()) {
            throw new ServiceException("NotAuthorizedException", "The sign-in took too long; start again.");
        }
        if (browserBinding == null || !MessageDigest.isEqual(
                Hashes.sha256Hex(browserBinding).getBytes(StandardCharsets.US_ASCII),
                login.browserHash().getBytes(StandardCharsets.US_ASCII))) {
            throw new ServiceException("NotAuthorizedException", "The sign-in was begun in another browser.");
        }
        PoolIdentityProvider idp = identityProviders.find(login.userPoolId(), login.providerName())
                .orElseThrow(() -> new ServiceException("ResourceNotFoundException", "The identity provider "
                        + login.providerName() + " no longer exists."));
        Map<String, String> parameters = new LinkedHashMap<>();
        Json.parseObject(login.requestParameters()).properties()
                .forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return new Returned(idp, parameters, dataKey.openText(login.pendingState(), sealContext(stateHash)));
    }

    private static String sealContext(String stateHash) {
        return "federated-login\u0000" + stateHash;
    }
}
