package io.gatehouse.providers.federation.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.AuthenticationRedirect;
import io.gatehouse.providers.federation.oauth.AuthorizationAnswer;
import io.gatehouse.providers.federation.oauth.ClaimText;
import io.gatehouse.providers.federation.oauth.CodeExchange;
import io.gatehouse.providers.federation.oauth.IdTokenCheck;
import io.gatehouse.providers.federation.oauth.PendingSignIn;

import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code OIDC}: sign-in through an OpenID Connect IdP with the authorization code flow, PKCE (S256) and a nonce,
 * as a confidential client when the IdP has a client secret and a public one otherwise. See the module's README
 * for the details it takes.
 */
final class OidcFederationProvider implements FederationProvider {

    /** The tag of this type's pending states. */
    static final String FORMAT = "oidc1";

    private final DetailsConfigurer configurer;
    private final CodeExchange codeExchange;
    private final IdTokenCheck idTokenCheck;
    private final UserInfoClaims userInfo;

    OidcFederationProvider(DetailsConfigurer configurer, CodeExchange codeExchange, IdTokenCheck idTokenCheck,
                           UserInfoClaims userInfo) {
        this.configurer = configurer;
        this.codeExchange = codeExchange;
        this.idTokenCheck = idTokenCheck;
        this.userInfo = userInfo;
    }

    @Override
    public String providerType() {
        return "OIDC";
    }

    @Override
    public List<DetailKey> detailKeys() {
        return OidcDetailKeys.ALL;
    }

    @Override
    public Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        return configurer.configure(requested);
    }

    /**
     * An update that moves the IdP to another issuer forgets what the old issuer's discovery document filled in
     * (endpoints, sign-out, client authentication) unless the update gives it again, so that discovery reads the new
     * issuer's instead of keeping the old issuer's keys and token endpoint.
     */
    @Override
    public Map<String, String> reconfigure(Map<String, String> given, Map<String, String> stored)
            throws InvalidProviderDetailsException {
        Map<String, String> merged = new java.util.HashMap<>(stored);
        String issuer = given.get(OidcDetailKeys.OIDC_ISSUER);
        if (issuer != null && !issuer.equals(stored.get(OidcDetailKeys.OIDC_ISSUER))) {
            OidcDetailKeys.DISCOVERED.forEach(merged::remove);
        }
        merged.putAll(given);
        return configurer.configure(merged);
    }

    @Override
    public SignInStart begin(IdentityProviderSettings settings, SignInRequest request) throws FederationException {
        OidcIdp idp = OidcIdp.of(settings);
        return AuthenticationRedirect.begin(idp.authorizeUrl(), idp.clientId(), idp.scopes(), request,
                PendingSignIn.fresh(FORMAT));
    }

    @Override
    public UpstreamIdentity complete(IdentityProviderSettings settings, Callback callback, String pendingState)
            throws FederationException {
        OidcIdp idp = OidcIdp.of(settings);
        // RFC 9207: an IdP that names itself in the callback must name this IdP, or the callback is a mix-up.
        String code = AuthorizationAnswer.code(callback, Set.of(idp.issuer().getValue()));
        PendingSignIn pending = PendingSignIn.fromJson(FORMAT, pendingState);

        OIDCTokens tokens = CodeExchange.withIdToken(codeExchange.exchange(idp.tokenUrl(), idp.authentication(),
                idp.clientId(), code, callback.callbackUri(), Optional.of(pending.codeVerifier())));
        IDTokenClaimsSet idClaims = idTokenCheck.check(idp.issuer(), idp.clientId(), idp.jwksUri(),
                tokens.getIDToken(), pending.nonce());
        Subject subject = idClaims.getSubject();
        Map<String, Object> userInfoClaims = idp.attributesUrl().isPresent()
                ? userInfo.read(idp, idp.attributesUrl().get(), tokens.getAccessToken(), subject)
                : Map.of();
        // The userinfo endpoint's claims win over the ID token's: the profile is more often complete and current
        // there, and its sub has been checked to be the same user.
        return new UpstreamIdentity(subject.getValue(), ClaimText.flatten(idClaims.toJSONObject(), userInfoClaims),
                Optional.of(tokens.getIDTokenString()));
    }

    /**
     * OpenID Connect RP-Initiated Logout, where the IdP's {@code idp_signout} is {@code true}: the IdP's
     * {@code end_session_endpoint} with the ID token as {@code id_token_hint} (which tells the IdP whose session to
     * end), {@code client_id} and where to come back.
     */
    @Override
    public Optional<URI> signOut(IdentityProviderSettings settings, Optional<String> signOutHint, URI returnTo) {
        OidcIdp idp;
        try {
            idp = OidcIdp.of(settings);
        } catch (FederationException e) {
            return Optional.empty();
        }
        if (idp.endSessionEndpoint().isEmpty() || !"true".equals(settings.details().get(OidcDetailKeys.IDP_SIGNOUT))) {
            return Optional.empty();
        }
        JWT idTokenHint = signOutHint.flatMap(OidcFederationProvider::parsedJwt).orElse(null);
        return Optional.of(new LogoutRequest(idp.endSessionEndpoint().get(), idTokenHint, null, idp.clientId(),
                returnTo, null, null).toURI());
    }

    private static Optional<JWT> parsedJwt(String token) {
        try {
            return Optional.of(JWTParser.parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
