package io.gatehouse.providers.federation.amazon;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.DetailsRules;
import io.gatehouse.providers.federation.oauth.DetailsSchema;
import io.gatehouse.providers.federation.oauth.EndpointDefaults;
import io.gatehouse.providers.federation.oauth.ProfileFederationProvider;
import io.gatehouse.providers.federation.oauth.StoredDetails;
import io.gatehouse.providers.federation.oauth.Upstream;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static io.gatehouse.providers.federation.oauth.DetailNames.ATTRIBUTES_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_ID;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_SECRET;
import static io.gatehouse.providers.federation.oauth.DetailNames.TOKEN_URL;

/**
 * {@code LoginWithAmazon}: Login with Amazon's OAuth 2.0 authorization code flow with PKCE, then its profile API
 * ({@code {"user_id","name","email","postal_code"}}) with the access token. See the module's README.
 */
final class AmazonFederationProvider extends ProfileFederationProvider {

    static final String FORMAT = "amazon1";

    /** Cognito's keys; the client secret is sealed and shown on Describe, as Cognito shows it. */
    static final List<DetailKey> KEYS = List.of(
            DetailKey.plain(CLIENT_ID, true),
            new DetailKey(CLIENT_SECRET, true, true, true),
            DetailKey.plain(AUTHORIZE_SCOPES, true),
            DetailKey.plain(AUTHORIZE_URL, false),
            DetailKey.plain(TOKEN_URL, false),
            DetailKey.plain(ATTRIBUTES_URL, false));

    /** What Cognito fills in: Login with Amazon's endpoints. */
    static final EndpointDefaults DEFAULTS = new EndpointDefaults()
            .with(AUTHORIZE_URL, "https://www.amazon.com/ap/oa")
            .with(TOKEN_URL, "https://api.amazon.com/auth/o2/token")
            .with(ATTRIBUTES_URL, "https://api.amazon.com/user/profile");

    private static final DetailsSchema SCHEMA = new DetailsSchema("LoginWithAmazon", KEYS, DEFAULTS,
            List.of(AUTHORIZE_URL, TOKEN_URL, ATTRIBUTES_URL),
            details -> DetailsRules.scopes(details, AUTHORIZE_SCOPES, " +"));

    /** The name identity pools know Login with Amazon by, in {@code SupportedLoginProviders} and {@code Logins}. */
    static final String LOGIN_NAME = "www.amazon.com";

    private final TokenInfoLogins logins;

    /**
     * @param tokenInfo LWA's tokeninfo endpoint for identity-pool logins (option {@code identity-pool-tokeninfo-url})
     * @param profile   LWA's profile API for them (option {@code identity-pool-profile-url})
     */
    AmazonFederationProvider(Upstream upstream, URI tokenInfo, URI profile) {
        super(SCHEMA, upstream, FORMAT, "user_id");
        this.logins = new TokenInfoLogins(upstream.http(), tokenInfo, profile);
    }

    @Override
    public Optional<String> identityPoolLoginName() {
        return Optional.of(LOGIN_NAME);
    }

    /** A Login with Amazon access token an app got on its own; see {@link TokenInfoLogins}. */
    @Override
    public UpstreamIdentity verifyIdentityPoolLogin(IdentityPoolLogin login) throws FederationException {
        return logins.verify(login);
    }

    @Override
    public String providerType() {
        return "LoginWithAmazon";
    }

    /** The LWA profile API: a GET with the access token as a bearer token. */
    @Override
    protected HTTPRequest profileRequest(IdentityProviderSettings settings, AccessToken accessToken)
            throws FederationException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, StoredDetails.url(settings, ATTRIBUTES_URL));
        request.setAuthorization(accessToken.toAuthorizationHeader());
        request.setAccept("application/json");
        return request;
    }
}
