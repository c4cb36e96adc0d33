package io.gatehouse.it.federation;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.ops.PrometheusScrape;
import io.gatehouse.it.hostedui.Chromium;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through each social type, in Chromium from the hosted sign-in page's buttons, against stand-ins that speak
 * each service's protocol (the services themselves cannot be reached here): NAV's mock-oauth2-server, a real OpenID
 * Provider in this JVM, for Google and Sign in with Apple (whose answer comes back as a posted form, as Apple's
 * does), and {@link OAuthStandIn} for Facebook's and Login with Amazon's code flow and profile APIs. Every upstream
 * endpoint is overridden in ProviderDetails, as a private deployment would.
 */
class SocialFederationIT {

    private static final String CLIENT_ID = "gatehouse-social-it";
    private static final String SECRET = "social-it-client-secret";

    private static MockOAuth2Server oidc;
    private static OAuthStandIn facebook;
    private static OAuthStandIn amazon;
    /** Apple's authorization endpoint, before mock-oauth2-server's (see {@link #appleAuthorize}). */
    private static com.sun.net.httpserver.HttpServer appleFront;
    private static CognitoIdentityProviderClient cognito;
    private static RelyingParty app;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void idps() throws Exception {
        oidc = new MockOAuth2Server(new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(
                new DefaultOAuth2TokenCallback("google", "110169484474386276334", "JWT", null, Map.of(
                        "email", "alice.liddell@gmail.com", "email_verified", true, "name", "Alice Liddell")),
                new DefaultOAuth2TokenCallback("apple", "001234.abcdef0123456789.0987", "JWT", null, Map.of(
                        "email", "x7k2q9@privaterelay.appleid.com", "email_verified", "true",
                        "is_private_email", "true")))));
        oidc.start();
        appleFront = appleAuthorize();
        facebook = new OAuthStandIn("facebook", SECRET, Map.of("id", "10160000000000001", "name", "Fiona Park",
                "email", "fiona@facebook.example"));
        amazon = new OAuthStandIn("amazon", SECRET, Map.of("user_id", "amzn1.account.AF2AAAAAAAAAAAAAAAA",
                "name", "Aaron Lee", "email", "aaron@amazon.example", "postal_code", "06236"));

        cognito = Gatehouse.adminClient();
        String poolId = cognito.createUserPool(r -> r.poolName("federation-social")).userPool().id();
        idp(poolId, IdentityProviderTypeType.GOOGLE, Map.of("client_id", CLIENT_ID, "client_secret", SECRET,
                "authorize_scopes", "profile email openid",
                "authorize_url", oidc.authorizationEndpointUrl("google").toString(),
                "token_url", oidc.tokenEndpointUrl("google").toString(),
                "jwks_uri", oidc.jwksUrl("google").toString(),
                "oidc_issuer", oidc.issuerUrl("google").toString()));
        idp(poolId, IdentityProviderTypeType.SIGN_IN_WITH_APPLE, Map.of("client_id", CLIENT_ID,
                "team_id", "ABCDE12345", "key_id", "KEY1234567", "private_key", applePrivateKey(),
                "authorize_scopes", "email name",
                "authorize_url", "http://localhost:" + appleFront.getAddress().getPort() + "/auth/authorize",
                "token_url", oidc.tokenEndpointUrl("apple").toString(),
                "jwks_uri", oidc.jwksUrl("apple").toString(),
                "oidc_issuer", oidc.issuerUrl("apple").toString()));
        idp(poolId, IdentityProviderTypeType.FACEBOOK, Map.of("client_id", CLIENT_ID, "client_secret", SECRET,
                "authorize_scopes", "public_profile,email",
                "authorize_url", facebook.url("facebook", "authorize"),
                "token_url", facebook.url("facebook", "token"),
                "attributes_url", facebook.url("facebook", "profile") + "?fields="));
        idp(poolId, IdentityProviderTypeType.LOGIN_WITH_AMAZON, Map.of("client_id", CLIENT_ID, "client_secret", SECRET,
                "authorize_scopes", "profile",
                "authorize_url", amazon.url("amazon", "authorize"),
                "token_url", amazon.url("amazon", "token"),
                "attributes_url", amazon.url("amazon", "profile")));
        app = new RelyingParty(poolId, cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("Social App")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email", "profile").callbackURLs(RelyingParty.CALLBACK.toString())
                .supportedIdentityProviders("COGNITO", "Google", "SignInWithApple", "Facebook", "LoginWithAmazon"))
                .userPoolClient().clientId());
    }

    private static void idp(String poolId, IdentityProviderTypeType type, Map<String, String> details) {
        cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName(type.toString()).providerType(type)
                .providerDetails(details).attributeMapping(new HashMap<>(Map.of("email", "email"))));
    }

    /**
     * Apple's authorization endpoint, in front of mock-oauth2-server's: Apple issues an ID token for the scopes
     * {@code name} and {@code email} alone, the mock only when {@code openid} is asked for too, so this adds it and
     * sends the browser on, query otherwise unchanged (response_mode=form_post among it).
     */
    private static com.sun.net.httpserver.HttpServer appleAuthorize() throws java.io.IOException {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/auth/authorize", exchange -> {
            String query = exchange.getRequestURI().getRawQuery().replaceFirst("(^|&)scope=", "$1scope=openid+");
            exchange.getResponseHeaders().add("Location", oidc.authorizationEndpointUrl("apple") + "?" + query);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** An ES256 key as Apple hands it out: PKCS#8 in PEM. */
    private static String applePrivateKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate()
                .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    @AfterAll
    static void close() {
        cognito.close();
        oidc.shutdown();
        appleFront.stop(0);
        facebook.close();
        amazon.close();
    }

    @AfterEach
    void quit() {
        browsers.forEach(Chromium::stop);
    }

    /** Signs in from the hosted page's button for {@code type}; returns the app's ID token's claims. */
    private IDTokenClaimsSet signInWith(String type) throws Exception {
        ChromeDriver driver = Chromium.start("en-US");
        browsers.add(driver);
        RelyingParty.Login login = app.start(null);
        driver.get(login.request().toURI().toString());
        By button = By.linkText("Continue with " + type);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(button));
        driver.findElement(button).click();
        return app.tokensFor(driver, login);
    }

    @Test
    void googleWhenUserSignsInThereThenTheAppGetsTokensOfGoogleSub() throws Exception {
        PrometheusScrape before = PrometheusScrape.now();

        IDTokenClaimsSet claims = signInWith("Google");

        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("Google_110169484474386276334");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice.liddell@gmail.com");
        PrometheusScrape after = PrometheusScrape.now();
        assertThat(after.delta(before, "gatehouse_federation_calls_seconds_count", "provider_type", "Google",
                "outcome", "ok")).as("the code exchanged and the ID token checked, timed").isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_sign_ins_total", "flow", "FEDERATED", "outcome", "success"))
                .isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_http_requests_seconds_count", "endpoint", "/oauth2/idpresponse"))
                .isEqualTo(1);
    }

    @Test
    void appleWhenItPostsItsAnswerBackThenTheAppGetsTokensOfAppleSub() throws Exception {
        IDTokenClaimsSet claims = signInWith("SignInWithApple");

        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("SignInWithApple_001234.abcdef0123456789.0987");
        assertThat(claims.getStringClaim("email")).isEqualTo("x7k2q9@privaterelay.appleid.com");
    }

    @Test
    void facebookWhenUserSignsInThereThenTheAppGetsTokensOfFacebookId() throws Exception {
        IDTokenClaimsSet claims = signInWith("Facebook");

        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("Facebook_10160000000000001");
        assertThat(claims.getStringClaim("email")).isEqualTo("fiona@facebook.example");
    }

    @Test
    void amazonWhenUserSignsInThereThenTheAppGetsTokensOfAmazonUserId() throws Exception {
        IDTokenClaimsSet claims = signInWith("LoginWithAmazon");

        assertThat(claims.getStringClaim("cognito:username"))
                .isEqualTo("LoginWithAmazon_amzn1.account.AF2AAAAAAAAAAAAAAAA");
        assertThat(claims.getStringClaim("email")).isEqualTo("aaron@amazon.example");
    }
}
