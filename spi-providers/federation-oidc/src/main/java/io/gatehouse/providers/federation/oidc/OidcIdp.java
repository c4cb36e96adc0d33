package io.gatehouse.providers.federation.oidc;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityProviderSettings;

import java.net.URI;
import java.util.Optional;

import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.ATTRIBUTES_REQUEST_METHOD;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.ATTRIBUTES_URL;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.CLIENT_ID;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.CLIENT_SECRET;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.END_SESSION_ENDPOINT;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.JWKS_URI;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.OIDC_ISSUER;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.TOKEN_ENDPOINT_AUTH_METHOD;
import static io.gatehouse.providers.federation.oidc.OidcDetailKeys.TOKEN_URL;
import static io.gatehouse.providers.federation.oauth.StoredDetails.optionalUrl;
import static io.gatehouse.providers.federation.oauth.StoredDetails.required;
import static io.gatehouse.providers.federation.oauth.StoredDetails.url;

/**
 * An OIDC IdP's stored details, read into the types the protocol needs. configure() made them; an IdP whose
 * stored details lack what a sign-in needs (stored by other means) cannot be used until it is updated.
 *
 * @param clientSecret      empty for a public client, which authenticates with PKCE alone
 * @param attributesUrl     the userinfo endpoint; empty when the IdP has none
 * @param postClientSecret  whether the secret goes in the token request's form ({@code client_secret_post})
 *                          rather than in HTTP Basic
 */
record OidcIdp(String providerName, ClientID clientId, Optional<Secret> clientSecret, Scope scopes, Issuer issuer,
               URI authorizeUrl, URI tokenUrl, Optional<URI> attributesUrl, HTTPRequest.Method attributesMethod,
               URI jwksUri, Optional<URI> endSessionEndpoint, boolean postClientSecret) {

    static OidcIdp of(IdentityProviderSettings settings) throws FederationException {
        return new OidcIdp(settings.providerName(),
                new ClientID(required(settings, CLIENT_ID)),
                settings.detail(CLIENT_SECRET).map(Secret::new),
                Scope.parse(required(settings, AUTHORIZE_SCOPES)),
                new Issuer(required(settings, OIDC_ISSUER)),
                url(settings, AUTHORIZE_URL),
                url(settings, TOKEN_URL),
                optionalUrl(settings, ATTRIBUTES_URL),
                settings.detail(ATTRIBUTES_REQUEST_METHOD).filter("POST"::equals).isPresent()
                        ? HTTPRequest.Method.POST : HTTPRequest.Method.GET,
                url(settings, JWKS_URI),
                optionalUrl(settings, END_SESSION_ENDPOINT),
                settings.detail(TOKEN_ENDPOINT_AUTH_METHOD).filter(DetailsConfigurer.POST::equals).isPresent());
    }

    /**
     * How the client authenticates at the token endpoint: with its secret in HTTP Basic or in the form
     * ({@code client_secret_post}); none for a public client.
     */
    Optional<ClientAuthentication> authentication() {
        return clientSecret.map(secret -> postClientSecret
                ? new ClientSecretPost(clientId, secret)
                : new ClientSecretBasic(clientId, secret));
    }

    /** Never shows the client secret. */
    @Override
    public String toString() {
        return "OidcIdp[" + providerName + ", " + issuer + ", client " + clientId + "]";
    }
}
