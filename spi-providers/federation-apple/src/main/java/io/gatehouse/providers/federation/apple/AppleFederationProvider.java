package io.gatehouse.providers.federation.apple;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.AuthorizationAnswer;
import io.gatehouse.providers.federation.oauth.ClaimText;
import io.gatehouse.providers.federation.oauth.CodeExchange;
import io.gatehouse.providers.federation.oauth.IdTokenCheck;
import io.gatehouse.providers.federation.oauth.IdTokenLogins;
import io.gatehouse.providers.federation.oauth.PendingSignIn;
import io.gatehouse.providers.federation.oauth.SchemaFederationProvider;
import io.gatehouse.providers.federation.oauth.Urls;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SignInWithApple}: Sign in with Apple's authorization code flow. Apple posts its answer back
 * ({@code response_mode=form_post}, which it requires when scopes are asked for), the code is exchanged with a client
 * secret signed for the request ({@link ClientSecret}), and the ID token is checked against Apple's keys with the
 * sign-in's nonce. The user's name comes only on their first sign-in, in the posted {@code user}; it adds
 * {@code firstName}, {@code lastName} and {@code name} to the claims and nothing else. See the module's README.
 */
final class AppleFederationProvider extends SchemaFederationProvider {

    static final String FORMAT = "apple1";
    /** Apple says the user cancelled with an error code of its own. */
    private static final Set<String> DENIALS = Set.of(AuthorizationAnswer.ACCESS_DENIED, "user_cancelled_authorize");
    /** The largest {@code user} a browser posts: a name and an address. */
    private static final int USER_SIZE_LIMIT = 4096;

    /** The name identity pools know Apple by, in {@code SupportedLoginProviders} and {@code Logins}. */
    static final String LOGIN_NAME = "appleid.apple.com";
    static final String APPLE_ISSUER = "https://appleid.apple.com";

    private final CodeExchange codeExchange;
    private final IdTokenCheck idTokenCheck;
    private final Clock clock;
    private final URI loginKeys;

    /**
     * @param loginKeys Apple's keys for the ID tokens apps bring to identity pools (option
     *                  {@code identity-pool-jwks-uri})
     */
    AppleFederationProvider(CodeExchange codeExchange, IdTokenCheck idTokenCheck, Clock clock, URI loginKeys) {
        super(AppleDetailKeys.SCHEMA);
        this.codeExchange = codeExchange;
        this.idTokenCheck = idTokenCheck;
        this.clock = clock;
        this.loginKeys = loginKeys;
    }

    @Override
    public String providerType() {
        return "SignInWithApple";
    }

    @Override
    public Optional<String> identityPoolLoginName() {
        return Optional.of(LOGIN_NAME);
    }

    /**
     * An Apple ID token an app got from Sign in with Apple on its own (its JS SDK, or an iOS app's): signed by
     * Apple's keys, issued by Apple, for the id the pool names (a services id; an iOS app's tokens name its bundle
     * id), current. The user is {@code sub}; the claims are the token's.
     */
    @Override
    public UpstreamIdentity verifyIdentityPoolLogin(IdentityPoolLogin login) throws FederationException {
        return new IdTokenLogins(idTokenCheck, Set.of(APPLE_ISSUER), loginKeys).verify(login);
    }

    /** Apple posts its answer whenever scopes are asked for, which it requires then. */
    @Override
    public boolean callbackIsFormPost(IdentityProviderSettings idp) {
        return !AppleIdp.scopes(idp).isEmpty();
    }

    @Override
    public SignInStart begin(IdentityProviderSettings settings, SignInRequest request) throws FederationException {
        AppleIdp idp = AppleIdp.of(settings);
        PendingSignIn pending = PendingSignIn.fresh(FORMAT);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("response_type", List.of("code"));
        query.put("response_mode", List.of(idp.scopes().isEmpty() ? "query" : "form_post"));
        query.put("client_id", List.of(idp.clientId().getValue()));
        query.put("redirect_uri", List.of(request.callbackUri().toString()));
        if (!idp.scopes().isEmpty()) {
            query.put("scope", List.of(String.join(" ", idp.scopes())));
        }
        query.put("state", List.of(request.state()));
        query.put("nonce", List.of(pending.nonce().getValue()));
        URI location = URI.create(idp.authorizeUrl() + (idp.authorizeUrl().getRawQuery() == null ? "?" : "&")
                + Urls.encode(query));
        return new SignInStart(new Outgoing.Redirect(location), pending.toJson());
    }

    @Override
    public UpstreamIdentity complete(IdentityProviderSettings settings, Callback callback, String pendingState)
            throws FederationException {
        AppleIdp idp = AppleIdp.of(settings);
        String code = AuthorizationAnswer.code(callback, Set.of(idp.issuer().getValue()), DENIALS);
        Optional<String> user = callback.single("user");
        PendingSignIn pending = PendingSignIn.fromJson(FORMAT, pendingState);
        Secret secret = new Secret(ClientSecret.sign(idp, clock.instant()));
        OIDCTokens tokens = CodeExchange.withIdToken(codeExchange.exchange(idp.tokenUrl(),
                Optional.of(new ClientSecretPost(idp.clientId(), secret)), idp.clientId(), code,
                callback.callbackUri(), Optional.empty()));
        IDTokenClaimsSet claims = idTokenCheck.check(idp.issuer(), idp.clientId(), idp.jwksUri(),
                tokens.getIDToken(), pending.nonce());
        Map<String, String> text = new LinkedHashMap<>(name(user));
        // The ID token's claims win: the posted user is not signed, so it may add a name, never change who.
        text.putAll(ClaimText.flatten(claims.toJSONObject()));
        return new UpstreamIdentity(claims.getSubject().getValue(), text, Optional.empty());
    }

    /**
     * The name in the {@code user} Apple posts on the first sign-in ({@code {"name":{"firstName":…,"lastName":…},
     * "email":…}}): {@code firstName}, {@code lastName}, and {@code name}, both joined, as Cognito names them. The
     * email there is left out: the ID token's is the one Apple signed. A {@code user} that is not such JSON adds
     * nothing: it is the browser's, and the sign-in stands on the ID token.
     */
    private static Map<String, String> name(Optional<String> user) {
        Map<String, String> name = new LinkedHashMap<>();
        if (user.isEmpty() || user.get().length() > USER_SIZE_LIMIT) {
            return name;
        }
        try {
            Map<String, Object> parts = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(user.get()), "name");
            if (parts == null) {
                return name;
            }
            String first = JSONObjectUtils.getString(parts, "firstName");
            String last = JSONObjectUtils.getString(parts, "lastName");
            if (first != null && !first.isBlank()) {
                name.put("firstName", first);
            }
            if (last != null && !last.isBlank()) {
                name.put("lastName", last);
            }
            if (!name.isEmpty()) {
                name.put("name", String.join(" ", name.values()));
            }
        } catch (ParseException e) {
            name.clear();
        }
        return name;
    }
}
