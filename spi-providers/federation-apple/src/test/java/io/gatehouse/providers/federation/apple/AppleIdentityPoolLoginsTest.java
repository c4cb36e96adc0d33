package io.gatehouse.providers.federation.apple;

import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.providers.federation.oauth.testing.IdTokenLoginsContract;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Apple's ID tokens as identity-pool logins ({@code appleid.apple.com}): the ID-token corpus and Apple's own. */
class AppleIdentityPoolLoginsTest extends IdTokenLoginsContract {

    @Override
    protected FederationProviderFactory newFactory() {
        return new AppleFederationProviderFactory();
    }

    @Override
    protected String loginName() {
        return "appleid.apple.com";
    }

    @Override
    protected String issuer() {
        return "https://appleid.apple.com";
    }

    @Test
    void tokenNamingAppleWithoutSchemeWhenShownThenRefused() throws Exception {
        Map<String, Object> claims = claims();
        claims.put("iss", "appleid.apple.com");

        assertRefused(signed(key, claims), Reason.INVALID_RESPONSE);
    }
}
