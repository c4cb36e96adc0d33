package io.gatehouse.providers.federation.google;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.AuthorizationAnswer;
import io.gatehouse.providers.federation.oauth.ClaimText;
import io.gatehouse.providers.federation.oauth.CodeExchange;
import io.gatehouse.providers.federation.oauth.DetailsRules;
import io.gatehouse.providers.federation.oauth.DetailsSchema;
import io.gatehouse.providers.federation.oauth.IdTokenCheck;
import io.gatehouse.providers.federation.oauth.PendingSignIn;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Google}: Sign in with Google, Google's OpenID Connect: the authorization code flow with PKCE (S256) and a
 * nonce, the code exchanged with the client secret, and the ID token checked against Google's keys. The user's
 * claims are the ID token's (see the module's README for why the People API is not called).
 */
final class GoogleFederationProvider implements FederationProvider {

    static final String FORMAT = "google1";

    private static final DetailsSchema SCHEMA = new DetailsSchema("Google", GoogleDetailKeys.ALL,
            GoogleDetailKeys.DEFAULTS, GoogleDetailKeys.URL_KEYS, details -> {
                DetailsRules.scopes(details, GoogleDetailKeys.AUTHORIZE_SCOPES, "[ ,]+");
                DetailsRules.oneOf(details, GoogleDetailKeys.ATTRIBUTES_URL_ADD_ATTRIBUTES, List.of("true", "false"));
            });

    private final CodeExchange codeExchange;
    private final IdTokenCheck idTokenCheck;

    GoogleFederationProvider(CodeExchange codeExchange, IdTokenCheck idTokenCheck) {
        this.codeExchange = codeExchange;
        this.idTokenCheck = idTokenCheck;
    }

    @Override
    public String providerType() {
        return "Google";
    }

    @Override
    public List<DetailKey> detailKeys() {
        return SCHEMA.keys();
    }

    @Override
    public Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        return SCHEMA.configure(requested);
    }

    @Override
    public Map<String, String> reconfigure(Map<String, String> given, Map<String, String> stored)
            throws InvalidProviderDetailsException {
        return SCHEMA.reconfigure(given, stored);
    }

    @Override
    public SignInStart begin(IdentityProviderSettings settings, SignInRequest request) throws FederationException {
        GoogleIdp idp = GoogleIdp.of(settings);
        PendingSignIn pending = PendingSignIn.fresh(FORMAT);
        AuthenticationRequest.Builder authorize = new AuthenticationRequest.Builder(
                ResponseType.CODE, idp.scopes(), idp.clientId(), request.callbackUri())
                .endpointURI(idp.authorizeUrl())
                .state(new State(request.state()))
                .nonce(pending.nonce())
                .codeChallenge(pending.codeVerifier(), CodeChallengeMethod.S256);
        request.loginHint().ifPresent(authorize::loginHint);
        return new SignInStart(new Outgoing.Redirect(authorize.build().toURI()), pending.toJson());
    }

    @Override
    public UpstreamIdentity complete(IdentityProviderSettings settings, Callback callback, String pendingState)
            throws FederationException {
        GoogleIdp idp = GoogleIdp.of(settings);
        String code = AuthorizationAnswer.code(callback, idp.issuers());
        PendingSignIn pending = PendingSignIn.fromJson(FORMAT, pendingState);
        OIDCTokens tokens = CodeExchange.withIdToken(codeExchange.exchange(idp.tokenUrl(),
                Optional.of(idp.authentication()), idp.clientId(), code, callback.callbackUri(),
                Optional.of(pending.codeVerifier())));
        IDTokenClaimsSet claims = idTokenCheck.check(issuerOf(idp, tokens.getIDToken()), idp.clientId(),
                idp.jwksUri(), tokens.getIDToken(), pending.nonce());
        return new UpstreamIdentity(claims.getSubject().getValue(), ClaimText.flatten(claims.toJSONObject()),
                Optional.empty());
    }

    /**
     * The issuer to check the token against: the one it names when that is one of the IdP's (Google's two forms),
     * else the IdP's own, which the check then refuses. The signature is checked all the same.
     */
    private static Issuer issuerOf(GoogleIdp idp, JWT idToken) {
        try {
            String named = idToken.getJWTClaimsSet().getIssuer();
            return named != null && idp.issuers().contains(named) ? new Issuer(named) : idp.issuer();
        } catch (ParseException e) {
            return idp.issuer();
        }
    }
}
