package io.gatehouse.providers.federation.oauth;

import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A type whose IdP speaks OAuth 2.0 without OpenID Connect (Facebook, Login with Amazon): the authorization code flow
 * with PKCE (S256), the code exchanged with the client secret in the form, then the IdP's profile API called with the
 * access token; the user is the profile's identifier. A type gives its details schema, the profile request, and the
 * claim that names the user.
 */
public abstract class ProfileFederationProvider extends SchemaFederationProvider {

    private final CodeExchange codeExchange;
    private final UpstreamHttp http;
    private final String format;
    private final String subjectClaim;

    /**
     * @param format       the tag of the type's pending states
     * @param subjectClaim the profile's member that identifies the user ({@code id}, {@code user_id})
     */
    protected ProfileFederationProvider(DetailsSchema schema, Upstream upstream, String format, String subjectClaim) {
        super(schema);
        this.codeExchange = upstream.codeExchange();
        this.http = upstream.http();
        this.format = format;
        this.subjectClaim = subjectClaim;
    }

    /** The request for the signed-in user's profile. */
    protected abstract HTTPRequest profileRequest(IdentityProviderSettings settings, AccessToken accessToken)
            throws FederationException;

    /** The scopes as the IdP takes them in the authorization request: space-separated, unless a type says other. */
    protected String scope(IdentityProviderSettings settings) throws FederationException {
        return String.join(" ", StoredDetails.required(settings, DetailNames.AUTHORIZE_SCOPES).trim().split("[ ,]+"));
    }

    /** Cognito's: {@code username} is the profile's identifier. */
    @Override
    public Map<String, String> fixedAttributeMapping() {
        return Map.of("username", subjectClaim);
    }

    @Override
    public SignInStart begin(IdentityProviderSettings settings, SignInRequest request) throws FederationException {
        PendingSignIn pending = PendingSignIn.fresh(format);
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("response_type", List.of("code"));
        query.put(DetailNames.CLIENT_ID, List.of(StoredDetails.required(settings, DetailNames.CLIENT_ID)));
        query.put("redirect_uri", List.of(request.callbackUri().toString()));
        query.put("scope", List.of(scope(settings)));
        query.put("state", List.of(request.state()));
        query.put("code_challenge", List.of(CodeChallenge.compute(CodeChallengeMethod.S256,
                pending.codeVerifier()).getValue()));
        query.put("code_challenge_method", List.of("S256"));
        URI authorize = StoredDetails.url(settings, DetailNames.AUTHORIZE_URL);
        // Any query the endpoint already has is kept.
        URI location = URI.create(authorize + (authorize.getRawQuery() == null ? "?" : "&") + Urls.encode(query));
        return new SignInStart(new Outgoing.Redirect(location), pending.toJson());
    }

    @Override
    public UpstreamIdentity complete(IdentityProviderSettings settings, Callback callback, String pendingState)
            throws FederationException {
        String code = AuthorizationAnswer.code(callback, Set.of());
        PendingSignIn pending = PendingSignIn.fromJson(format, pendingState);
        ClientID clientId = new ClientID(StoredDetails.required(settings, DetailNames.CLIENT_ID));
        Secret secret = new Secret(StoredDetails.required(settings, DetailNames.CLIENT_SECRET));
        AccessToken accessToken = codeExchange.exchange(StoredDetails.url(settings, DetailNames.TOKEN_URL),
                Optional.of(new ClientSecretPost(clientId, secret)), clientId, code, callback.callbackUri(),
                Optional.of(pending.codeVerifier())).getAccessToken();
        Map<String, Object> profile = JsonAnswer.object(http.exchange(profileRequest(settings, accessToken),
                "profile API"), "the IdP's profile API");
        if (!(profile.get(subjectClaim) instanceof String subject) || subject.isBlank()) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the IdP's profile API answered without the user's " + subjectClaim);
        }
        return new UpstreamIdentity(subject, ClaimText.flatten(profile), Optional.empty());
    }
}
