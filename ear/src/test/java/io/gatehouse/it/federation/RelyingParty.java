package io.gatehouse.it.federation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gatehouse.it.Gatehouse;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app of the federation suites, as a stock OpenID Connect relying party (Nimbus): a public client of a pool,
 * code flow with PKCE, state and nonce, that checks the ID token it gets against the pool's keys.
 */
final class RelyingParty {

    static final URI CALLBACK = Gatehouse.ENDPOINT.resolve("/app/callback");

    private final ClientID clientId;
    private final OIDCProviderMetadata gatehouse;

    RelyingParty(String poolId, String clientId) throws Exception {
        this.clientId = new ClientID(clientId);
        this.gatehouse = OIDCProviderMetadata.resolve(new Issuer(Gatehouse.ENDPOINT + "/" + poolId));
    }

    String clientId() {
        return clientId.getValue();
    }

    /** One authentication request and its PKCE verifier. */
    record Login(AuthenticationRequest request, CodeVerifier verifier) {
    }

    /** A new authentication request, naming {@code identityProvider} when it is not null. */
    Login start(String identityProvider) {
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest.Builder builder = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "email", "profile"), clientId, CALLBACK)
                .endpointURI(gatehouse.getAuthorizationEndpointURI()).state(new State()).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        if (identityProvider != null) {
            builder.customParameter("identity_provider", identityProvider);
        }
        return new Login(builder.build(), verifier);
    }

    /** Waits for the browser to reach the app's callback, redeems the code and checks the ID token. */
    IDTokenClaimsSet tokensFor(ChromeDriver driver, Login login) throws Exception {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .withMessage(() -> "the browser stopped at " + driver.getCurrentUrl() + ": " + driver.getPageSource())
                .until(ExpectedConditions.urlContains("/app/callback"));
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(driver.getCurrentUrl()));
        assertThat(response.indicatesSuccess()).as(driver.getCurrentUrl()).isTrue();
        assertThat(response.getState()).isEqualTo(login.request().getState());
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(gatehouse.getTokenEndpointURI(),
                clientId, new AuthorizationCodeGrant(code, CALLBACK, login.verifier())).toHTTPRequest().send());
        assertThat(tokens.indicatesSuccess()).as(String.valueOf(tokens)).isTrue();
        return new IDTokenValidator(gatehouse.getIssuer(), clientId, JWSAlgorithm.RS256,
                gatehouse.getJWKSetURI().toURL()).validate(((OIDCTokenResponse) tokens.toSuccessResponse())
                .getOIDCTokens().getIDToken(), login.request().getNonce());
    }
}
