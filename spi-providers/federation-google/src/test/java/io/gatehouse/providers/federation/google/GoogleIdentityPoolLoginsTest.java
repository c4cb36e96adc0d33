package io.gatehouse.providers.federation.google;

import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.providers.federation.oauth.testing.IdTokenLoginsContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Google's ID tokens as identity-pool logins ({@code accounts.google.com}): the ID-token corpus and Google's own. */
class GoogleIdentityPoolLoginsTest extends IdTokenLoginsContract {

    @Override
    protected FederationProviderFactory newFactory() {
        return new GoogleFederationProviderFactory();
    }

    @Override
    protected String loginName() {
        return "accounts.google.com";
    }

    @Override
    protected String issuer() {
        return "https://accounts.google.com";
    }

    @Test
    void tokenNamingGoogleWithoutSchemeWhenShownThenTaken() throws Exception {
        java.util.Map<String, Object> claims = claims();
        claims.put("iss", "accounts.google.com");

        assertEquals("000123.abcdef", login(signed(key, claims)).subject());
    }
}
