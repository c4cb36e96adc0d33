package io.gatehouse.providers.federation.oauth;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.UpstreamIdentity;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The ID tokens an OpenID Provider's SDK gives an app (Google's, Apple's), brought to an identity pool: checked as
 * {@link IdTokenCheck} checks a sign-in's, without a nonce (the app signed in on its own), against the IdP's keys
 * at {@code jwksUri}, for the pool's client id. The user is {@code sub}; the claims are the token's.
 *
 * @param check   the check, with the factory's keys and the unit of work's clock
 * @param issuers the issuers the IdP's tokens name
 * @param jwksUri where the IdP publishes its keys (the type's {@code identity-pool-jwks-uri} option)
 */
public record IdTokenLogins(IdTokenCheck check, Set<String> issuers, URI jwksUri) {

    public IdTokenLogins {
        issuers = Set.copyOf(issuers);
    }

    /**
     * Whose {@code login} is.
     *
     * @throws FederationException {@code INVALID_RESPONSE} when it is no ID token of the IdP's for the pool's
     *                             client, or is not current; {@code UNAVAILABLE} when the keys cannot be read
     */
    public UpstreamIdentity verify(IdentityPoolLogin login) throws FederationException {
        IDTokenClaimsSet claims = check.check(issuers, login.audiences(), jwksUri, login.token());
        return new UpstreamIdentity(claims.getSubject().getValue(), ClaimText.flatten(claims.toJSONObject()),
                Optional.empty());
    }
}
