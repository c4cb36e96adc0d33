package io.gatehouse.providers.federation.facebook;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.providers.federation.oauth.DetailsRules;
import io.gatehouse.providers.federation.oauth.DetailsSchema;
import io.gatehouse.providers.federation.oauth.EndpointDefaults;
import io.gatehouse.providers.federation.oauth.ProfileFederationProvider;
import io.gatehouse.providers.federation.oauth.StoredDetails;
import io.gatehouse.providers.federation.oauth.Upstream;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.gatehouse.providers.federation.oauth.DetailNames.ATTRIBUTES_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.ATTRIBUTES_URL_ADD_ATTRIBUTES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_ID;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_SECRET;
import static io.gatehouse.providers.federation.oauth.DetailNames.TOKEN_URL;

/**
 * {@code Facebook}: Facebook Login's OAuth 2.0 authorization code flow with PKCE, then the Graph API's {@code /me}
 * with the access token and its {@code appsecret_proof}. See the module's README.
 */
final class FacebookFederationProvider extends ProfileFederationProvider {

    static final String FORMAT = "facebook1";

    static final String API_VERSION = "api_version";

    /** Cognito's keys; the app secret is sealed and shown on Describe, as Cognito shows it. */
    static final List<DetailKey> KEYS = List.of(
            DetailKey.plain(CLIENT_ID, true),
            new DetailKey(CLIENT_SECRET, true, true, true),
            DetailKey.plain(AUTHORIZE_SCOPES, true),
            DetailKey.plain(API_VERSION, false),
            DetailKey.plain(AUTHORIZE_URL, false),
            DetailKey.plain(TOKEN_URL, false),
            DetailKey.plain(ATTRIBUTES_URL, false),
            DetailKey.plain(ATTRIBUTES_URL_ADD_ATTRIBUTES, false));

    /** A Graph API version: {@code v17.0}. */
    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,3}");

    /**
     * What Cognito fills in: Facebook's endpoints of the {@code api_version}; without one, Facebook's unversioned
     * endpoints, which serve the app's default API version.
     */
    static final EndpointDefaults DEFAULTS = new EndpointDefaults()
            .with(AUTHORIZE_URL, details -> "https://www.facebook.com" + versioned(details) + "/dialog/oauth")
            .with(TOKEN_URL, details -> "https://graph.facebook.com" + versioned(details) + "/oauth/access_token")
            .with(ATTRIBUTES_URL, details -> "https://graph.facebook.com" + versioned(details) + "/me?fields=")
            .with(ATTRIBUTES_URL_ADD_ATTRIBUTES, "true");

    private static final DetailsSchema SCHEMA = new DetailsSchema("Facebook", KEYS, DEFAULTS,
            List.of(AUTHORIZE_URL, TOKEN_URL, ATTRIBUTES_URL), FacebookFederationProvider::check);

    /** The name identity pools know Facebook by, in {@code SupportedLoginProviders} and {@code Logins}. */
    static final String LOGIN_NAME = "graph.facebook.com";

    private final GraphRequests graph = new GraphRequests();
    private final GraphLogins logins;

    /** @param graphUrl the Graph API for identity-pool logins (option {@code identity-pool-graph-url}) */
    FacebookFederationProvider(Upstream upstream, URI graphUrl) {
        super(SCHEMA, upstream, FORMAT, "id");
        this.logins = new GraphLogins(upstream.http(), graphUrl);
    }

    @Override
    public Optional<String> identityPoolLoginName() {
        return Optional.of(LOGIN_NAME);
    }

    /** A Facebook access token an app got from Facebook Login on its own; see {@link GraphLogins}. */
    @Override
    public UpstreamIdentity verifyIdentityPoolLogin(IdentityPoolLogin login) throws FederationException {
        return logins.verify(login);
    }

    private static String versioned(Map<String, String> details) {
        String version = details.get(API_VERSION);
        return version == null ? "" : "/" + version;
    }

    private static void check(Map<String, String> details) throws InvalidProviderDetailsException {
        DetailsRules.scopes(details, AUTHORIZE_SCOPES, "[ ,]+");
        String version = details.get(API_VERSION);
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new InvalidProviderDetailsException(API_VERSION + " must be a Graph API version like v17.0, not "
                    + version);
        }
        DetailsRules.oneOf(details, ATTRIBUTES_URL_ADD_ATTRIBUTES, List.of("true", "false"));
    }

    @Override
    public String providerType() {
        return "Facebook";
    }

    /** Facebook separates permissions by commas. */
    @Override
    protected String scope(IdentityProviderSettings settings) throws FederationException {
        return super.scope(settings).replace(' ', ',');
    }

    @Override
    protected HTTPRequest profileRequest(IdentityProviderSettings settings, AccessToken accessToken)
            throws FederationException {
        return graph.me(StoredDetails.url(settings, ATTRIBUTES_URL),
                StoredDetails.required(settings, CLIENT_SECRET), accessToken);
    }
}
