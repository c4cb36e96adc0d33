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
import io.gatehouse.it.cognito.HostedForm;
import io.gatehouse.it.hostedui.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-in through Keycloak as a real OpenID Connect IdP (KeycloakServer starts it for the suites): Chromium goes
 * from the app to Gatehouse, to Keycloak's login page and back, and the app gets Gatehouse's tokens for the
 * federated user {@code Keycloak_<sub>}; and what an attacker can do with the callback is refused.
 */
class KeycloakFederationIT {

    private static final String KEYCLOAK = System.getProperty("gatehouse.it.keycloak.url");
    private static final String ISSUER = KEYCLOAK + "/realms/gatehouse";
    private static final URI CALLBACK = RelyingParty.CALLBACK;
    private static final URI SIGNED_OUT = Gatehouse.ENDPOINT.resolve("/app/signed-out");
    /** The Keycloak user bob's id (the realm file fixes it), his ID tokens' {@code sub}. */
    private static final String BOB_SUBJECT = "0b6f5e0a-5d47-4c1e-9a53-7c3f0e2d9b11";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static RelyingParty app;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void pool() throws Exception {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("federation-keycloak")).userPool().id();
        cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName("Keycloak")
                .providerType(IdentityProviderTypeType.OIDC)
                .providerDetails(Map.of("client_id", "gatehouse", "client_secret", "gatehouse-it-client-secret",
                        "authorize_scopes", "openid email profile", "oidc_issuer", ISSUER,
                        "attributes_request_method", "GET", "idp_signout", "true"))
                .idpIdentifiers("keycloak.example")
                .attributeMapping(Map.of("email", "email", "email_verified", "email_verified",
                        "given_name", "given_name", "family_name", "family_name")));
        app = new RelyingParty(poolId, cognito.createUserPoolClient(r -> r.userPoolId(poolId)
                .clientName("Federated App").allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid", "email", "profile")
                .callbackURLs(CALLBACK.toString()).logoutURLs(SIGNED_OUT.toString())
                .supportedIdentityProviders("COGNITO", "Keycloak"))
                .userPoolClient().clientId());
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @AfterEach
    void quit() {
        browsers.forEach(Chromium::stop);
    }

    private ChromeDriver browser() {
        ChromeDriver driver = Chromium.start("en-US");
        browsers.add(driver);
        return driver;
    }

    private static void signInAtKeycloak(ChromeDriver driver) {
        signInAtKeycloak(driver, "alice");
    }

    /** Keycloak's login page, as the realm's user {@code name} (password {@code <name>-keycloak-pass}). */
    private static void signInAtKeycloak(ChromeDriver driver, String name) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("kc-login")));
        assertThat(driver.getCurrentUrl()).startsWith(ISSUER + "/protocol/openid-connect/auth");
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(name + "-keycloak-pass");
        driver.findElement(By.id("kc-login")).click();
    }

    @Test
    void appNamingKeycloakWhenUserSignsInThereThenGatehouseTokensForTheFederatedUser() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = app.start("Keycloak");
        driver.get(login.request().toURI().toString());
        signInAtKeycloak(driver);

        IDTokenClaimsSet claims = app.tokensFor(driver, login);

        String username = claims.getStringClaim("cognito:username");
        assertThat(username).startsWith("Keycloak_");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@keycloak.example");
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Alice");
        List<?> identities = (List<?>) claims.getClaim("identities");
        assertThat(identities).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) identities.get(0);
        assertThat(identity).containsEntry("providerName", "Keycloak").containsEntry("providerType", "OIDC")
                .containsEntry("userId", username.substring("Keycloak_".length()));
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly(poolId + "_Keycloak");
        AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(poolId).username(username));
        assertThat(user.userStatusAsString()).isEqualTo("EXTERNAL_PROVIDER");
        assertThat(user.userAttributes()).extracting(AttributeType::name).contains("identities", "email");
    }

    @Test
    void linkedSubjectWhenItSignsInAtKeycloakThenTheAppGetsTheNativeUsersTokens() throws Exception {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("native-bob").messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value("bob@corp.example").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("native-bob").password("Native-Bob-Pass-1")
                .permanent(true));
        cognito.adminLinkProviderForUser(r -> r.userPoolId(poolId)
                .destinationUser(u -> u.providerName("Cognito").providerAttributeValue("native-bob"))
                .sourceUser(u -> u.providerName("Keycloak").providerAttributeName("Cognito_Subject")
                        .providerAttributeValue(BOB_SUBJECT)));
        ChromeDriver driver = browser();
        RelyingParty.Login login = app.start("Keycloak");
        driver.get(login.request().toURI().toString());
        signInAtKeycloak(driver, "bob");

        IDTokenClaimsSet claims = app.tokensFor(driver, login);

        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("native-bob");
        assertThat(claims.getStringClaim("email")).isEqualTo("bob@corp.example");
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("Keycloak_" + BOB_SUBJECT)))
                .as("no federated user is made for a linked subject").isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void logoutWhenTheIdpSignsOutTooThenKeycloaksSessionEndsAndTheBrowserReachesTheAppsSignOutUrl() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = app.start("Keycloak");
        driver.get(login.request().toURI().toString());
        signInAtKeycloak(driver);
        app.tokensFor(driver, login);

        driver.get(Gatehouse.ENDPOINT.resolve("/logout?client_id=" + app.clientId() + "&logout_uri="
                + URLEncoder.encode(SIGNED_OUT.toString(), StandardCharsets.UTF_8)).toString());

        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(driver::getCurrentUrl)
                .until(ExpectedConditions.urlContains("/app/signed-out"));
        // Keycloak's own session is gone: the next sign-in there asks for the password again.
        driver.get(app.start("Keycloak").request().toURI().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("kc-login")));
    }

    @Test
    void hostedSignInPageWhenUserPicksKeycloakThenSignsInThere() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = app.start(null);
        driver.get(login.request().toURI().toString());
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                By.linkText("Continue with Keycloak")));
        Chromium.screenshot(driver, "hosted-ui-login-with-idp");
        driver.findElement(By.linkText("Continue with Keycloak")).click();
        signInAtKeycloak(driver);

        assertThat(app.tokensFor(driver, login).getStringClaim("cognito:username")).startsWith("Keycloak_");
    }

    /**
     * A browser without JavaScript, on HostedForm (cookies kept by hand, as browsers send Secure cookies to
     * localhost): Gatehouse and Keycloak share the host, as cookies see it.
     */
    private static final class PlainBrowser {
        private final HostedForm form = new HostedForm();

        HttpResponse<String> get(URI uri) throws Exception {
            return form.get(uri.toString());
        }

        HttpResponse<String> post(URI uri, Map<String, String> fields) throws Exception {
            return form.post(uri.toString(), fields);
        }

        /** Follows an app's request to Keycloak's login form, signs in there, and returns Keycloak's callback URI. */
        URI callbackFromKeycloak(RelyingParty.Login login) throws Exception {
            HttpResponse<String> toKeycloak = get(login.request().toURI());
            assertThat(toKeycloak.statusCode()).as(toKeycloak.body()).isEqualTo(302);
            HttpResponse<String> page = get(URI.create(toKeycloak.headers().firstValue("Location").orElseThrow()));
            Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
            assertThat(action.find()).as(page.body()).isTrue();
            HttpResponse<String> back = post(URI.create(action.group(1).replace("&amp;", "&")),
                    Map.of("username", "alice", "password", "alice-keycloak-pass"));
            assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
            URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
            assertThat(callback.getPath()).isEqualTo("/oauth2/idpresponse");
            return callback;
        }
    }

    @Test
    void callbackWhenReplayedThenTheSecondIsRefused() throws Exception {
        PlainBrowser browser = new PlainBrowser();
        URI callback = browser.callbackFromKeycloak(app.start("Keycloak"));

        HttpResponse<String> first = browser.get(callback);
        HttpResponse<String> second = browser.get(callback);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void callbackWhenCarriedToAnotherBrowserThenRefusedThere() throws Exception {
        URI callback = new PlainBrowser().callbackFromKeycloak(app.start("Keycloak"));

        HttpResponse<String> elsewhere = new PlainBrowser().get(callback);

        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("another browser");
    }

    @Test
    void callbackWhenStateIsUnknownOrMissingThenErrorPage() throws Exception {
        PlainBrowser browser = new PlainBrowser();

        HttpResponse<String> unknown = browser.get(Gatehouse.ENDPOINT.resolve(
                "/oauth2/idpresponse?code=abc&state=not-a-state-we-made"));
        HttpResponse<String> missing = browser.get(Gatehouse.ENDPOINT.resolve("/oauth2/idpresponse?code=abc"));

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void callbackWhenKeycloakSaysAccessDeniedThenTheAppHearsAccessDenied() throws Exception {
        PlainBrowser browser = new PlainBrowser();
        RelyingParty.Login login = app.start("Keycloak");
        HttpResponse<String> toKeycloak = browser.get(login.request().toURI());
        String state = URI.create(toKeycloak.headers().firstValue("Location").orElseThrow()).getQuery()
                .replaceAll(".*(?:^|&)state=([^&]+).*", "$1");

        HttpResponse<String> denied = browser.get(Gatehouse.ENDPOINT.resolve("/oauth2/idpresponse?error=access_denied"
                + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));

        assertThat(denied.statusCode()).isEqualTo(302);
        String location = denied.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?error=access_denied")
                .contains("state=" + login.request().getState().getValue());
    }

    @Test
    void callbackWhenTheCodeIsForgedThenTheAppHearsAnErrorAndNobodyIsSignedIn() throws Exception {
        PlainBrowser browser = new PlainBrowser();
        URI callback = browser.callbackFromKeycloak(app.start("Keycloak"));
        String forged = callback.toString().replaceAll("code=[^&]+", "code=forged-code");

        HttpResponse<String> refused = browser.get(URI.create(forged));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?error=");
    }

    @Test
    void workEmailWhenItsDomainIsAnIdpIdentifierThenTheSignInGoesToThatIdp() throws Exception {
        PlainBrowser browser = new PlainBrowser();
        RelyingParty.Login login = app.start(null);
        HttpResponse<String> toLogin = browser.get(login.request().toURI());
        HttpResponse<String> page = browser.get(Gatehouse.ENDPOINT.resolve(
                toLogin.headers().firstValue("Location").orElseThrow()));
        assertThat(page.body()).contains("name=\"idp_identifier\"");

        HttpResponse<String> toKeycloak = browser.get(URI.create(login.request().toURI() + "&idp_identifier="
                + URLEncoder.encode("Alice@Keycloak.Example", StandardCharsets.UTF_8)));

        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        assertThat(toKeycloak.headers().firstValue("Location").orElseThrow())
                .startsWith(ISSUER + "/protocol/openid-connect/auth?");
    }

    @Test
    void authorizeWhenTheClientDoesNotSupportTheIdpThenRefused() throws Exception {
        String other = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("Native Only")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK.toString()).generateSecret(true)
                .supportedIdentityProviders("COGNITO")).userPoolClient().clientId();

        HttpResponse<String> refused = new PlainBrowser().get(Gatehouse.ENDPOINT.resolve("/oauth2/authorize?"
                + "response_type=code&client_id=" + other + "&identity_provider=Keycloak&redirect_uri="
                + URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8)));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?error="
                + "invalid_request");
    }
}
