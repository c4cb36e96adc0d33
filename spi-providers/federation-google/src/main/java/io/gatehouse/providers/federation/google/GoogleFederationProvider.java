package io.gatehouse.providers.federation.google;

import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.AuthenticationRedirect;
import io.gatehouse.providers.federation.oauth.AuthorizationAnswer;
import io.gatehouse.providers.federation.oauth.ClaimText;
import io.gatehouse.providers.federation.oauth.CodeExchange;
import io.gatehouse.providers.federation.oauth.DetailNames;
import io.gatehouse.providers.federation.oauth.DetailsRules;
import io.gatehouse.providers.federation.oauth.DetailsSchema;
import io.gatehouse.providers.federation.oauth.IdTokenCheck;
import io.gatehouse.providers.federation.oauth.IdTokenLogins;
import io.gatehouse.providers.federation.oauth.PendingSignIn;
import io.gatehouse.providers.federation.oauth.SchemaFederationProvider;

import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Google}: Sign in with Google, Google's OpenID Connect: the authorization code flow with PKCE (S256) and a
 * nonce, the code exchanged with the client secret, and the ID token checked against Google's keys. The user's
 * claims are the ID token's (see the module's README for why the People API is not called).
 */
final class GoogleFederationProvider extends SchemaFederationProvider {

    static final String FORMAT = "google1";

    private static final DetailsSchema SCHEMA = new DetailsSchema("Google", GoogleDetailKeys.ALL,
            GoogleDetailKeys.DEFAULTS, GoogleDetailKeys.URL_KEYS, details -> {
                DetailsRules.scopes(details, DetailNames.AUTHORIZE_SCOPES, "[ ,]+");
                DetailsRules.oneOf(details, DetailNames.ATTRIBUTES_URL_ADD_ATTRIBUTES, List.of("true", "false"));
            });

    /** The name identity pools know Google by, in {@code SupportedLoginProviders} and {@code Logins}. */
    static final String LOGIN_NAME = "accounts.google.com";

    private final CodeExchange codeExchange;
    private final IdTokenCheck idTokenCheck;
    private final URI loginKeys;

    /**
     * @param loginKeys Google's keys for the ID tokens apps bring to identity pools (option
     *                  {@code identity-pool-jwks-uri})
     */
    GoogleFederationProvider(CodeExchange codeExchange, IdTokenCheck idTokenCheck, URI loginKeys) {
        super(SCHEMA);
        this.codeExchange = codeExchange;
        this.idTokenCheck = idTokenCheck;
        this.loginKeys = loginKeys;
    }

    @Override
    public String providerType() {
        return "Google";
    }

    @Override
    public Optional<String> identityPoolLoginName() {
        return Optional.of(LOGIN_NAME);
    }

    /**
     * A Google ID token an app got from Google Sign-In on its own: signed by Google's keys, issued by Google (either
     * form of its issuer), for the pool's client id, current. The user is {@code sub}; the claims are the token's.
     */
    @Override
    public UpstreamIdentity verifyIdentityPoolLogin(IdentityPoolLogin login) throws FederationException {
        return new IdTokenLogins(idTokenCheck, Set.of(GoogleDetailKeys.GOOGLE_ISSUER,
                GoogleDetailKeys.GOOGLE_ISSUER_WITHOUT_SCHEME), loginKeys).verify(login);
    }

    @Override
    public SignInStart begin(IdentityProviderSettings settings, SignInRequest request) throws FederationException {
        GoogleIdp idp = GoogleIdp.of(settings);
        return AuthenticationRedirect.begin(idp.authorizeUrl(), idp.clientId(), idp.scopes(), request,
                PendingSignIn.fresh(FORMAT));
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
