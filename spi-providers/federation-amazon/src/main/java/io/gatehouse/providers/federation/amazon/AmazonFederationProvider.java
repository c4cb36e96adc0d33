package io.gatehouse.providers.federation.amazon;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.providers.federation.oauth.DetailsRules;
import io.gatehouse.providers.federation.oauth.DetailsSchema;
import io.gatehouse.providers.federation.oauth.EndpointDefaults;
import io.gatehouse.providers.federation.oauth.ProfileFederationProvider;
import io.gatehouse.providers.federation.oauth.StoredDetails;
import io.gatehouse.providers.federation.oauth.Upstream;

import java.util.List;

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

    AmazonFederationProvider(Upstream upstream) {
        super(SCHEMA, upstream, FORMAT, "user_id");
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
