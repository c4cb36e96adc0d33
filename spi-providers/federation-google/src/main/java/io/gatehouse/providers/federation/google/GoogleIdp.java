package io.gatehouse.providers.federation.google;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityProviderSettings;

import java.net.URI;
import java.util.Set;

import static io.gatehouse.providers.federation.google.GoogleDetailKeys.GOOGLE_ISSUER;
import static io.gatehouse.providers.federation.google.GoogleDetailKeys.GOOGLE_ISSUER_WITHOUT_SCHEME;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_ID;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_SECRET;
import static io.gatehouse.providers.federation.oauth.DetailNames.JWKS_URI;
import static io.gatehouse.providers.federation.oauth.DetailNames.OIDC_ISSUER;
import static io.gatehouse.providers.federation.oauth.DetailNames.TOKEN_URL;
import static io.gatehouse.providers.federation.oauth.StoredDetails.required;
import static io.gatehouse.providers.federation.oauth.StoredDetails.url;

/** A Google IdP's stored details, read into the types the protocol needs. */
record GoogleIdp(String providerName, ClientID clientId, Secret clientSecret, Scope scopes, Issuer issuer,
                 URI authorizeUrl, URI tokenUrl, URI jwksUri) {

    static GoogleIdp of(IdentityProviderSettings settings) throws FederationException {
        // Cognito's Google IdPs are often configured with "profile email": without openid there is no ID token, so
        // it is always asked for.
        Scope scopes = new Scope(OIDCScopeValue.OPENID);
        scopes.addAll(Scope.parse(required(settings, AUTHORIZE_SCOPES).replace(',', ' ')));
        return new GoogleIdp(settings.providerName(),
                new ClientID(required(settings, CLIENT_ID)),
                new Secret(required(settings, CLIENT_SECRET)),
                scopes,
                new Issuer(settings.detail(OIDC_ISSUER).orElse(GOOGLE_ISSUER)),
                url(settings, AUTHORIZE_URL),
                url(settings, TOKEN_URL),
                url(settings, JWKS_URI));
    }

    /**
     * The issuers an ID token may name: the configured one and, for Google's own, the same without its scheme,
     * which Google documents its ID tokens may carry.
     */
    Set<String> issuers() {
        return issuer.getValue().equals(GOOGLE_ISSUER)
                ? Set.of(GOOGLE_ISSUER, GOOGLE_ISSUER_WITHOUT_SCHEME)
                : Set.of(issuer.getValue());
    }

    /** Google takes the client's secret in the token request's form, as its documentation shows. */
    ClientAuthentication authentication() {
        return new ClientSecretPost(clientId, clientSecret);
    }

    /** Never shows the client secret. */
    @Override
    public String toString() {
        return "GoogleIdp[" + providerName + ", client " + clientId + "]";
    }
}
