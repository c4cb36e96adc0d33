package io.gatehouse.providers.federation.apple;

import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.net.URI;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import java.util.List;

import static io.gatehouse.providers.federation.apple.AppleDetailKeys.KEY_ID;
import static io.gatehouse.providers.federation.apple.AppleDetailKeys.PRIVATE_KEY;
import static io.gatehouse.providers.federation.apple.AppleDetailKeys.TEAM_ID;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_ID;
import static io.gatehouse.providers.federation.oauth.DetailNames.JWKS_URI;
import static io.gatehouse.providers.federation.oauth.DetailNames.OIDC_ISSUER;
import static io.gatehouse.providers.federation.oauth.DetailNames.TOKEN_URL;
import static io.gatehouse.providers.federation.oauth.StoredDetails.required;
import static io.gatehouse.providers.federation.oauth.StoredDetails.url;

/** A Sign in with Apple IdP's stored details, read into the types the protocol needs. */
record AppleIdp(String providerName, ClientID clientId, String teamId, String keyId, ECPrivateKey privateKey,
                List<String> scopes, Issuer issuer, URI authorizeUrl, URI tokenUrl, URI jwksUri) {

    static AppleIdp of(IdentityProviderSettings settings) throws FederationException {
        ECPrivateKey key;
        try {
            key = ClientSecret.privateKey(required(settings, PRIVATE_KEY));
        } catch (InvalidProviderDetailsException e) {
            throw new FederationException(Reason.UNAVAILABLE, "the IdP " + settings.providerName() + "'s "
                    + e.getMessage() + "; update it");
        }
        return new AppleIdp(settings.providerName(),
                new ClientID(required(settings, CLIENT_ID)),
                required(settings, TEAM_ID),
                required(settings, KEY_ID),
                key,
                scopes(settings),
                new Issuer(required(settings, OIDC_ISSUER)),
                url(settings, AUTHORIZE_URL),
                url(settings, TOKEN_URL),
                url(settings, JWKS_URI));
    }

    /** The scopes asked for; none when the IdP has none. */
    static List<String> scopes(IdentityProviderSettings settings) {
        return settings.detail(AUTHORIZE_SCOPES)
                .map(s -> Arrays.stream(s.trim().split("[ ,]+")).filter(v -> !v.isEmpty()).toList())
                .orElse(List.of());
    }

    /** Never shows the private key. */
    @Override
    public String toString() {
        return "AppleIdp[" + providerName + ", client " + clientId + ", team " + teamId + "]";
    }
}
