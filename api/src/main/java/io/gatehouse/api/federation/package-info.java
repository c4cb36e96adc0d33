/**
 * The {@code federation} family: the identity provider types a user pool signs users in through. The built-in types
 * are {@code OIDC} ({@code federation-oidc}) and the social types {@code Google}, {@code Facebook},
 * {@code SignInWithApple} and {@code LoginWithAmazon}; {@code SAML} follows on the same interfaces. A third party
 * adds a type (GitHub, Kakao, a corporate IdP) by shipping a
 * {@link io.gatehouse.api.federation.FederationProviderFactory}; once installed, its
 * {@link io.gatehouse.api.federation.FederationProvider#providerType() type} is a {@code ProviderType} like the
 * built-in ones.
 *
 * <h2>Lifecycle of an IdP</h2>
 * CreateIdentityProvider and UpdateIdentityProvider pass the {@code ProviderDetails} to
 * {@link io.gatehouse.api.federation.FederationProvider#configure configure}, which checks them against its
 * {@link io.gatehouse.api.federation.FederationProvider#detailKeys() keys} and completes them (discovery); the
 * engine stores what it returns, sealing the keys marked secret, and shows on DescribeIdentityProvider only the keys
 * marked returned.
 *
 * <h2>Lifecycle of a sign-in</h2>
 * <ol>
 *   <li>{@code /oauth2/authorize} with {@code identity_provider} (or {@code idp_identifier}, or a button on the
 *       hosted sign-in page): the engine makes a {@code state}, calls
 *       {@link io.gatehouse.api.federation.FederationProvider#begin begin}, keeps the returned pending state on the
 *       server under the state for ten minutes and sends the browser the
 *       {@link io.gatehouse.api.federation.Outgoing} it returned.</li>
 *   <li>{@code /oauth2/idpresponse}: the engine takes the pending state of the callback's {@code state} (once: a
 *       replayed callback finds none), calls {@link io.gatehouse.api.federation.FederationProvider#complete complete},
 *       and with the {@link io.gatehouse.api.federation.UpstreamIdentity} it returns creates or updates the user
 *       {@code <ProviderName>_<subject>} (or signs in the native user it is linked to), maps the claims to
 *       attributes, and answers the app's authorization request with its own code.</li>
 *   <li>{@code /logout}: after ending its own session the engine may send the browser on to
 *       {@link io.gatehouse.api.federation.FederationProvider#signOut signOut}'s URI.</li>
 * </ol>
 *
 * <h2>What the engine checks, and what the provider checks</h2>
 * The engine checks that a callback belongs to a sign-in it began (the state), that it is used once and in time, and
 * that the app may use the IdP. The provider checks everything the IdP sent: that the code was issued for this
 * sign-in (PKCE), that an ID token is signed by the IdP's key with an allowed algorithm, names the IdP as issuer
 * and this client as audience, is unexpired and carries this sign-in's nonce. Failures are
 * {@link io.gatehouse.api.federation.FederationException}s; the engine never signs anyone in after one.
 *
 * <h2>Secrets</h2>
 * No value type's {@code toString()} shows a detail, a pending state, a callback parameter, a claim value or a
 * token, and providers log none of them.
 *
 * <h2>Versioning</h2>
 * The family was added in provider API 1.3. Within major version 1 it only grows: new methods on these interfaces
 * come with defaults.
 */
package io.gatehouse.api.federation;
