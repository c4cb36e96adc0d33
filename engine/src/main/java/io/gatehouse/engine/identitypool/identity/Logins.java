package io.gatehouse.engine.identitypool.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.iam.OidcProviders;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies an identity-pool call's {@code Logins} map, each token in full before anything is linked or issued, by
 * the kind of its provider: a user pool's ID token ({@link UserPoolLogins}), or this server's own identity-pool
 * OpenID token under {@value OpenIdTokens#LOGIN_PROVIDER}, which is how a developer-authenticated identity signs in
 * ({@link IdentityTokenLogins}), or an ID token of an OpenID Connect provider the pool names ({@link OidcLogins}), or a
 * token of a social IdP the pool lists in {@code SupportedLoginProviders}, checked by the federation type that claims
 * its name ({@link SocialLogins}), or a SAML response of an IAM SAML provider the pool names, under its ARN
 * ({@link SamlLogins}). Any other provider is refused.
 */
@ApplicationScoped
public class Logins {

    static final String INVALID = "Invalid login token. ";

    @Inject
    UserPoolLogins userPools;

    @Inject
    IdentityTokenLogins identityTokens;

    @Inject
    OidcLogins oidc;

    @Inject
    OidcProviders oidcProviders;

    @Inject
    SocialLogins social;

    @Inject
    SamlLogins saml;

    /**
     * The verified logins of {@code logins} (the request's map; missing or empty for none).
     *
     * @throws ServiceException {@code NotAuthorizedException} for any token that does not verify, or a provider the
     *                          pool does not accept
     */
    public List<Login> verify(IdentityPool pool, JsonNode logins) {
        List<Login> verified = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : logins.properties()) {
            verified.add(verify(pool, entry.getKey(), entry.getValue().asText("")));
        }
        return verified;
    }

    private Login verify(IdentityPool pool, String provider, String token) {
        if (OpenIdTokens.LOGIN_PROVIDER.equals(provider)) {
            return identityTokens.verify(pool, token);
        }
        List<IdentityPool.CognitoProvider> clients = userPools.listed(pool, provider);
        if (!clients.isEmpty()) {
            return userPools.verify(clients, clients.get(0).providerName(), token);
        }
        Optional<String> oidcArn = pool.openIdConnectProviderArns().stream()
                .filter(arn -> IdentityPool.oidcProviderName(arn).equals(provider)).findFirst();
        if (oidcArn.isPresent()) {
            return oidc.verify(oidcProviders.find(oidcArn.get()).orElseThrow(() -> new ServiceException(
                    "NotAuthorizedException", INVALID + "The OpenID Connect provider " + provider
                    + " is not registered.")), token);
        }
        if (pool.supportedLoginProviders().containsKey(provider)) {
            return social.verify(pool, provider, token);
        }
        if (pool.samlProviderArns().contains(provider)) {
            return saml.verify(pool, provider, token);
        }
        throw new ServiceException("NotAuthorizedException", INVALID + "The provider " + provider
                + " is not configured for this identity pool.");
    }
}
