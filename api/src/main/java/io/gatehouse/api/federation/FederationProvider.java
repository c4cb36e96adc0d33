package io.gatehouse.api.federation;

import io.gatehouse.api.provider.Provider;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One type of identity provider a user pool can sign users in through (Cognito's {@code ProviderType}): it checks
 * an IdP's configuration, sends the browser there, and reads who came back. The engine does everything around it:
 * it stores the IdPs a pool has (with their secrets sealed), makes and checks the {@code state} that ties a callback
 * to the sign-in that began it (once only, for ten minutes), keeps the provider's pending state on the server, maps
 * the upstream claims to user attributes, creates or links the federated user and issues its own tokens.
 *
 * <p>A provider never sees a JAX-RS or servlet type and never writes a response: it returns what to send
 * ({@link Outgoing}) and what it read ({@link UpstreamIdentity}), or throws {@link FederationException}. It keeps
 * nothing between calls but what its factory caches.
 */
public interface FederationProvider extends Provider {

    /**
     * The type's name as Cognito spells it: {@code OIDC}, {@code Google}, {@code Facebook}, {@code SignInWithApple},
     * {@code LoginWithAmazon}, {@code SAML}; a third party's type has a name of its own in the same style
     * ({@code GitHub}, {@code Kakao}). Never changes between versions.
     */
    String providerType();

    /** The {@code ProviderDetails} keys this type takes, with which are required and which are secrets. */
    List<DetailKey> detailKeys();

    /**
     * The attribute mapping every IdP of this type has whatever the administrator sets (Cognito maps
     * {@code username} to the upstream subject's claim: {@code sub} for OIDC, Google and Apple, {@code id} for
     * Facebook, {@code user_id} for Login with Amazon). The default maps {@code username} to {@code sub}.
     */
    default Map<String, String> fixedAttributeMapping() {
        return Map.of("username", "sub");
    }

    /**
     * Checks an IdP's {@code ProviderDetails} as CreateIdentityProvider or UpdateIdentityProvider gives them, and
     * completes them as Cognito does (an OIDC type reads its issuer's discovery document and fills in the endpoint
     * keys the administrator left out).
     *
     * @param requested the details given, merged by the engine over the stored ones for an update
     * @return the details to store: every key {@link #detailKeys()} names that has a value
     * @throws InvalidProviderDetailsException when a required key is missing, a key is unknown, a value is malformed
     *                                         or the issuer cannot be read; the message says which, without secrets
     */
    Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException;

    /**
     * Checks an IdP's {@code ProviderDetails} for UpdateIdentityProvider: those the call gives over those stored.
     * A type that completes details overrides this to drop what it completed from an earlier value that the call
     * changes (an OIDC type re-reads discovery when {@code oidc_issuer} changes, rather than keep the old issuer's
     * endpoints). The default configures the given details merged over the stored ones.
     *
     * @param given  the details the call gives
     * @param stored the details stored now (as {@link #configure} returned them)
     * @throws InvalidProviderDetailsException as {@link #configure}
     */
    default Map<String, String> reconfigure(Map<String, String> given, Map<String, String> stored)
            throws InvalidProviderDetailsException {
        Map<String, String> merged = new java.util.HashMap<>(stored);
        merged.putAll(given);
        return configure(merged);
    }

    /**
     * Begins a sign-in at the IdP.
     *
     * @param idp     the IdP, with its stored details (secrets opened)
     * @param request where the IdP must send the browser back, and the engine's {@code state} to carry there
     * @return what to send the browser, and the state the engine keeps for {@link #complete}
     * @throws FederationException with {@link FederationException.Reason#UNAVAILABLE} when the IdP cannot be reached
     *                             to prepare the request
     */
    SignInStart begin(IdentityProviderSettings idp, SignInRequest request) throws FederationException;

    /**
     * Completes a sign-in from the IdP's callback: checks what came back (for OIDC: the code, exchanged at the token
     * endpoint; the ID token's signature, issuer, audience, expiry and nonce) and reads the upstream identity. The
     * engine has already matched the callback's {@code state} to the sign-in that began it and passes that sign-in's
     * pending state; it calls this at most once per pending state.
     *
     * @throws FederationException when the IdP reports an error, or what came back is missing, forged, expired or
     *                             for another sign-in
     */
    UpstreamIdentity complete(IdentityProviderSettings idp, Callback callback, String pendingState)
            throws FederationException;

    /**
     * Whether the IdP sends the browser back by posting a form to the callback (Sign in with Apple with
     * {@code response_mode=form_post}, SAML's HTTP-POST binding) rather than by a redirect. The engine then sets the
     * cookie that binds the sign-in to the browser with {@code SameSite=None}: browsers do not send a
     * {@code SameSite=Lax} cookie with another site's POST. The default answers by redirect.
     */
    default boolean callbackIsFormPost(IdentityProviderSettings idp) {
        return false;
    }

    /**
     * Where the browser may continue signing out at the IdP after the engine ended its own session, if the IdP
     * publishes such an endpoint (OIDC's {@code end_session_endpoint}). The default continues nowhere.
     *
     * @param identity    what {@link #complete} returned when the user signed in, as far as the engine kept it
     *                    ({@link UpstreamIdentity#signOutHint()})
     * @param returnTo    where the IdP should send the browser afterwards
     */
    default Optional<URI> signOut(IdentityProviderSettings idp, Optional<String> signOutHint, URI returnTo) {
        return Optional.empty();
    }

    /**
     * Where the browser continues signing out at the IdP after the engine ended its own session, for types whose IdP
     * answers the sign-out (SAML's LogoutResponse comes back to {@link SignOutRequest#callbackUri()} and is checked
     * by {@link #completeSignOut}). The default sends the browser to {@link #signOut}'s URI, from which the IdP goes
     * straight on to {@link SignOutRequest#returnTo()}. Since API 1.4.
     *
     * @param signOutHint as for {@link #signOut}
     */
    default Optional<SignOutStart> beginSignOut(IdentityProviderSettings idp, Optional<String> signOutHint,
                                                SignOutRequest request) {
        return signOut(idp, signOutHint, request.returnTo())
                .map(uri -> new SignOutStart(new Outgoing.Redirect(uri), Optional.empty()));
    }

    /**
     * Checks the IdP's answer to a sign-out {@link #beginSignOut} began with a pending state. The engine has ended its
     * own session already and sends the browser on to the app whatever this says; a failure is logged. The default
     * accepts every answer. Since API 1.4.
     *
     * @throws FederationException when the answer is forged, for another request, or reports a failure
     */
    default void completeSignOut(IdentityProviderSettings idp, Callback callback, String pendingState)
            throws FederationException {
    }

    /**
     * A sign-out the IdP began on its own (SAML's LogoutRequest at {@code /saml2/logout}): checked as strictly as a
     * sign-in (signature, issuer, destination, time), and answered. The default refuses: the type has no such
     * messages. Since API 1.4.
     *
     * @throws FederationException when the message is not a sign-out request this IdP made
     */
    default UpstreamSignOut signOutRequested(IdentityProviderSettings idp, Callback callback)
            throws FederationException {
        throw new FederationException(FederationException.Reason.INVALID_RESPONSE,
                "the identity provider type " + providerType() + " takes no sign-out requests");
    }

    /**
     * The issuer an IdP of these details names itself by in its messages (SAML's entity id, OIDC's issuer), so that
     * the engine can find the IdP a message came from when it did not ask for it (an IdP-initiated sign-in or
     * sign-out). The default names none. Since API 1.4.
     *
     * @param details the details as {@link #configure} returned them
     */
    default Optional<String> issuer(Map<String, String> details) {
        return Optional.empty();
    }

    /**
     * The issuer a message that came unasked claims, before any check, only to find the IdPs it may be from; the
     * engine then has each candidate check it in full. The default reads none. Since API 1.4.
     */
    default Optional<String> claimedIssuer(Callback callback) {
        return Optional.empty();
    }

    /**
     * Whether this IdP may sign users in without a request of the engine's (SAML's IdP-initiated sign-in, allowed by
     * Cognito's {@code IDPInit}). The default does not. Since API 1.4.
     */
    default boolean acceptsUnsolicited(IdentityProviderSettings idp) {
        return false;
    }

    /**
     * Completes a sign-in the IdP began on its own, checking everything {@link #complete} checks but the binding to a
     * request of the engine's (an unsolicited SAML response must not name one). The engine calls it only when
     * {@link #acceptsUnsolicited} allows, with the app's authorization request taken from the message's relay state
     * and checked; it refuses each {@link UpstreamIdentity#replayKey()} seen before. Since API 1.4.
     *
     * @throws FederationException as {@link #complete}
     */
    default UpstreamIdentity completeUnsolicited(IdentityProviderSettings idp, Callback callback)
            throws FederationException {
        throw new FederationException(FederationException.Reason.INVALID_RESPONSE,
                "the identity provider type " + providerType() + " takes no unsolicited sign-ins");
    }

    /**
     * The name identity pools know this type's IdP by, in {@code SupportedLoginProviders} and {@code Logins}, for a
     * type whose IdP gives apps tokens they may bring to an identity pool on their own: Cognito's
     * {@code accounts.google.com}, {@code graph.facebook.com}, {@code appleid.apple.com} and {@code www.amazon.com}.
     * Empty (the default) for a type an identity pool does not name this way; SAML's logins are named by their IAM
     * provider's ARN instead. Since API 1.8.
     */
    default Optional<String> identityPoolLoginName() {
        return Optional.empty();
    }

    /**
     * Checks a login an app brings to an identity pool, in full (signature or the IdP's own answer, issuer, audience,
     * times, single use where the IdP gives the token an identifier), and reads whose it is. The engine then links the
     * identity to {@link UpstreamIdentity#subject()} under the provider's name, refuses a
     * {@link UpstreamIdentity#replayKey()} seen before, and maps roles and principal tags from
     * {@link UpstreamIdentity#claims()}. The default refuses: the type takes no identity-pool logins. Since API 1.8.
     *
     * @throws FederationException {@link FederationException.Reason#INVALID_RESPONSE} when the token is malformed,
     *                             forged, expired or for another audience; {@link FederationException.Reason#UNAVAILABLE}
     *                             when the IdP could not be asked
     */
    default UpstreamIdentity verifyIdentityPoolLogin(IdentityPoolLogin login) throws FederationException {
        throw new FederationException(FederationException.Reason.INVALID_RESPONSE,
                "the identity provider type " + providerType() + " takes no identity-pool logins");
    }
}
