package io.gatehouse.it.hostedui;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gatehouse.api.testing.Totp;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.Mailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted UI in a real browser (Debian's headless Chromium), driven as a user would, with a stock OpenID Connect
 * client library (Nimbus OAuth 2.0 SDK) as the relying party: the code flow with PKCE, sign-up with the e-mailed
 * code, the forgotten password, the temporary password, single sign-on and logout, the lock after repeated wrong
 * passwords, English and Korean.
 */
class HostedUiBrowserIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Corr3ct-Horse!";
    private static final URI CALLBACK = Gatehouse.ENDPOINT.resolve("/app/callback");
    private static final URI SIGNED_OUT = Gatehouse.ENDPOINT.resolve("/app/signed-out");

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static ClientID clientId;
    private static OIDCProviderMetadata provider;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void pool() throws Exception {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("hosted-ui")
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        clientId = new ClientID(cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("Gatehouse Demo")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email", "profile").callbackURLs(CALLBACK.toString())
                .logoutURLs(SIGNED_OUT.toString()).supportedIdentityProviders("COGNITO"))
                .userPoolClient().clientId());
        // OPTIONAL: only users who turn a method on are asked for a second factor.
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .emailMfaConfiguration(e -> e.subject("로그인 코드").message("Code: {####}")));
        Issuer issuer = new Issuer(Gatehouse.ENDPOINT + "/" + poolId);
        provider = OIDCProviderMetadata.resolve(issuer);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @AfterEach
    void quit() {
        browsers.forEach(Chromium::stop);
    }

    private ChromeDriver browser(String language) {
        ChromeDriver driver = Chromium.start(language);
        browsers.add(driver);
        return driver;
    }

    private static void createUser(String email, String password, boolean permanent) {
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(email).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword(permanent ? null : password)
                .userAttributes(AttributeType.builder().name("email").value(email).build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        if (permanent) {
            cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(email).password(password).permanent(true));
        }
    }

    /** A relying party's authentication request: code flow, PKCE S256, state and nonce. */
    private record Login(AuthenticationRequest request, CodeVerifier verifier) {
        static Login start() {
            CodeVerifier verifier = new CodeVerifier();
            AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                    new Scope("openid", "email", "profile"), clientId, CALLBACK)
                    .endpointURI(provider.getAuthorizationEndpointURI())
                    .state(new State()).nonce(new Nonce())
                    .codeChallenge(verifier, CodeChallengeMethod.S256).build();
            return new Login(request, verifier);
        }
    }

    private static void fill(ChromeDriver driver, String id, String value) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(value);
    }

    private static void submit(ChromeDriver driver) {
        driver.findElement(By.cssSelector("form:not(.secondary) button[type=submit]")).click();
    }

    /**
     * Waits for the page after a click to show {@code text} in an element: a click that submits a form does not
     * wait for the next page, so looking at once may see the old page, or none.
     */
    private static void awaitText(ChromeDriver driver, By element, String text) {
        ExpectedCondition<Boolean> shown = ExpectedConditions.textToBePresentInElementLocated(element, text);
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "\"" + text + "\" in " + element + " of " + driver.getPageSource())
                .until(d -> {
                    try {
                        return shown.apply(d);
                    } catch (WebDriverException e) {
                        // An element found on the old page just as the new one replaces it: Chromium reports it as
                        // an inspector error rather than a stale element (seen once in CI). Look again.
                        if (replacedUnderfoot(e)) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    /**
     * Waits until {@code before}, an element of the page a click left, is gone. Chromium may report such an element
     * as not belonging to the document instead of stale (seen in CI): that answer means the same, so it ends the wait.
     */
    private static void awaitGone(ChromeDriver driver, WebElement before) {
        ExpectedCondition<Boolean> stale = ExpectedConditions.stalenessOf(before);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                return stale.apply(d);
            } catch (WebDriverException e) {
                if (replacedUnderfoot(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    private static boolean replacedUnderfoot(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    private static void signIn(ChromeDriver driver, String email, String password) {
        fill(driver, "username", email);
        fill(driver, "password", password);
        submit(driver);
    }

    /** Waits for the browser to land on the callback, and checks the answer as the relying party does. */
    private static AuthorizationCode code(ChromeDriver driver, Login login) throws Exception {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/app/callback"));
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(driver.getCurrentUrl()));
        assertThat(response.indicatesSuccess()).as(driver.getCurrentUrl()).isTrue();
        assertThat(response.getState()).isEqualTo(login.request().getState());
        return response.toSuccessResponse().getAuthorizationCode();
    }

    private static OIDCTokenResponse exchange(Login login, AuthorizationCode code) throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                clientId, new AuthorizationCodeGrant(code, CALLBACK, login.verifier())).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(String.valueOf(response)).isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    private static IDTokenClaimsSet validated(OIDCTokenResponse tokens, Login login) throws Exception {
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
        return validator.validate(tokens.getOIDCTokens().getIDToken(), login.request().getNonce());
    }

    @Test
    void codeFlowWhenStockClientUsesPkceThenTokensUserInfoRefreshRevokeAndLogout() throws Exception {
        createUser("alice@example.com", PASSWORD, true);
        ChromeDriver driver = browser("en-US");
        Login login = Login.start();

        driver.get(login.request().toURI().toString());
        assertThat(driver.getCurrentUrl()).contains("/login?");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.cssSelector("label[for=username]")).getText())
                .as("the pool signs in by e-mail address").isEqualTo("Email");
        Chromium.screenshot(driver, "hosted-ui-login-en");
        signIn(driver, "alice@example.com", PASSWORD);
        OIDCTokenResponse tokens = exchange(login, code(driver, login));

        IDTokenClaimsSet id = validated(tokens, login);
        assertThat(id.getStringClaim("email")).isEqualTo("alice@example.com");
        UserInfoResponse info = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) tokens.getOIDCTokens().getAccessToken()).toHTTPRequest().send());
        assertThat(info.indicatesSuccess()).as(String.valueOf(info)).isTrue();
        assertThat(info.toSuccessResponse().getUserInfo().getEmailAddress()).isEqualTo("alice@example.com");
        assertThat(info.toSuccessResponse().getUserInfo().getSubject()).isEqualTo(id.getSubject());

        RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
        TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                clientId, new RefreshTokenGrant(refresh)).toHTTPRequest().send());
        assertThat(refreshed.indicatesSuccess()).as(String.valueOf(refreshed)).isTrue();

        Login again = Login.start();
        driver.get(again.request().toURI().toString());
        assertThat(exchange(again, code(driver, again)).getOIDCTokens().getIDToken())
                .as("single sign-on: no page the second time").isNotNull();

        assertThat(new TokenRevocationRequest(provider.getRevocationEndpointURI(), clientId, refresh)
                .toHTTPRequest().send().getStatusCode()).isEqualTo(200);
        TokenResponse afterRevoke = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                clientId, new RefreshTokenGrant(refresh)).toHTTPRequest().send());
        assertThat(((TokenErrorResponse) afterRevoke).getErrorObject().getCode()).isEqualTo("invalid_grant");

        driver.get(Gatehouse.ENDPOINT + "/logout?client_id=" + clientId + "&logout_uri=" + SIGNED_OUT);
        assertThat(driver.getCurrentUrl()).isEqualTo(SIGNED_OUT.toString());
        driver.get(Login.start().request().toURI().toString());
        assertThat(driver.getCurrentUrl()).as("signed out: the login page again").contains("/login?");
    }

    @Test
    void signUpWhenUserEntersTheMailedCodeThenSignsIn() throws Exception {
        ChromeDriver driver = browser("en-US");
        Login login = Login.start();
        driver.get(login.request().toURI().toString());
        driver.findElement(By.id("sign-up")).click();
        awaitText(driver, By.tagName("h1"), "Sign up");
        Chromium.screenshot(driver, "hosted-ui-signup-en");

        fill(driver, "email", "bob@example.com");
        fill(driver, "password", PASSWORD);
        fill(driver, "confirmPassword", PASSWORD);
        submit(driver);
        awaitText(driver, By.tagName("h1"), "Confirm your account");
        assertThat(driver.getPageSource()).contains("b***@e***");
        fill(driver, "code", Mailbox.lastCodeTo(MAIL, "bob@example.com"));
        submit(driver);
        awaitText(driver, By.id("info"), "confirmed");
        signIn(driver, "bob@example.com", PASSWORD);

        assertThat(validated(exchange(login, code(driver, login)), login).getStringClaim("email"))
                .isEqualTo("bob@example.com");
    }

    @Test
    void signUpWhenThePasswordIsBreachedThenThePageSaysSoInEnglishAndKorean() throws Exception {
        // P@ssw0rd meets the default password policy and is among the 100,000 most common breached passwords.
        for (String language : List.of("en-US", "ko-KR")) {
            ChromeDriver driver = browser(language);
            Login login = Login.start();
            driver.get(login.request().toURI().toString());
            driver.findElement(By.id("sign-up")).click();
            fill(driver, "email", "breached-" + language + "@example.com");
            fill(driver, "password", "P@ssw0rd");
            fill(driver, "confirmPassword", "P@ssw0rd");
            submit(driver);
            awaitText(driver, By.id("error"), language.startsWith("ko") ? "유출" : "data breach");
            Chromium.screenshot(driver, "hosted-ui-signup-breached-" + language.substring(0, 2));
        }
        assertThat(cognito.listUsers(r -> r.userPoolId(poolId).filter("email ^= \"breached-\"")).users())
                .as("no user was created").isEmpty();
    }

    @Test
    void forgotPasswordWhenUserEntersTheMailedCodeThenTheNewPasswordSignsIn() throws Exception {
        createUser("carol@example.com", PASSWORD, true);
        ChromeDriver driver = browser("en-US");
        Login login = Login.start();
        driver.get(login.request().toURI().toString());
        driver.findElement(By.id("forgot-password")).click();
        awaitText(driver, By.tagName("h1"), "Forgot your password?");

        fill(driver, "username", "carol@example.com");
        submit(driver);
        awaitText(driver, By.tagName("h1"), "Reset your password");
        fill(driver, "code", Mailbox.lastCodeTo(MAIL, "carol@example.com"));
        fill(driver, "password", "N3w-Password!");
        fill(driver, "confirmPassword", "N3w-Password!");
        submit(driver);
        awaitText(driver, By.id("info"), "password was changed");
        signIn(driver, "carol@example.com", PASSWORD);
        awaitText(driver, By.id("error"), "Incorrect username or password.");
        signIn(driver, "carol@example.com", "N3w-Password!");

        assertThat(exchange(login, code(driver, login)).getOIDCTokens().getAccessToken()).isNotNull();
    }

    @Test
    void temporaryPasswordWhenUserSignsInThenChoosesANewOne() throws Exception {
        createUser("dave@example.com", "Temp-0rary!", false);
        ChromeDriver driver = browser("en-US");
        Login login = Login.start();
        driver.get(login.request().toURI().toString());
        signIn(driver, "dave@example.com", "Temp-0rary!");

        awaitText(driver, By.tagName("h1"), "Change your password");
        Chromium.screenshot(driver, "hosted-ui-new-password-en");
        fill(driver, "password", "Ch0sen-Password!");
        fill(driver, "confirmPassword", "Ch0sen-Password!");
        submit(driver);

        assertThat(validated(exchange(login, code(driver, login)), login).getStringClaim("email"))
                .isEqualTo("dave@example.com");
    }

    @Test
    void secondFactorWhenUserTurnedOnEmailCodesThenTheKoreanCodePageSignsThemIn() throws Exception {
        createUser("mina@example.com", PASSWORD, true);
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username("mina@example.com")
                .emailMfaSettings(s -> s.enabled(true)));
        ChromeDriver driver = browser("ko-KR");
        Login login = Login.start();
        driver.get(login.request().toURI().toString());
        signIn(driver, "mina@example.com", PASSWORD);

        awaitText(driver, By.tagName("h1"), "본인 확인");
        assertThat(driver.getPageSource()).contains("m***@e***");
        Chromium.screenshot(driver, "hosted-ui-mfa-ko");
        String code = Mailbox.lastCodeTo(MAIL, "mina@example.com");
        fill(driver, "code", code.equals("000000") ? "111111" : "000000");
        submit(driver);
        awaitText(driver, By.id("error"), "");
        fill(driver, "code", code);
        submit(driver);

        assertThat(validated(exchange(login, code(driver, login)), login).getStringClaim("email"))
                .isEqualTo("mina@example.com");
    }

    @Test
    void authenticatorSetUpWhenBrowserScansTheQrCodeThenItsCodesSignIn() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("hosted-ui-mfa-on")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("Authenticator Demo")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK.toString()).supportedIdentityProviders("COGNITO"))
                .userPoolClient().clientId();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username("tomas").messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username("tomas").password(PASSWORD).permanent(true));
        // A public client: PKCE is required.
        String challenge = com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(CodeChallengeMethod.S256,
                new CodeVerifier()).getValue();
        String authorize = Gatehouse.ENDPOINT.resolve("/oauth2/authorize?response_type=code&scope=openid&client_id="
                + client + "&code_challenge_method=S256&code_challenge=" + challenge + "&redirect_uri="
                + java.net.URLEncoder.encode(CALLBACK.toString(), java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        ChromeDriver driver = browser("en-US");
        driver.get(authorize);
        signIn(driver, "tomas", PASSWORD);
        awaitText(driver, By.tagName("h1"), "Set up an authenticator app");

        // What the user's phone does: read the key from the QR code as drawn, not from the page's text.
        String otpauth = scannedQrCode(driver);
        URI scanned = URI.create(otpauth);
        assertThat(scanned.getScheme()).isEqualTo("otpauth");
        assertThat(scanned.getRawPath()).contains("tomas");
        String secret = scanned.getQuery().replaceAll(".*\\bsecret=([A-Z2-7]+).*", "$1");
        assertThat(driver.findElement(By.id("secret")).getText()).isEqualTo(secret);
        Chromium.screenshot(driver, "hosted-ui-mfa-setup");
        fill(driver, "code", Totp.code(secret, java.time.Instant.now()));
        submit(driver);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/app/callback"));
        assertThat(driver.getCurrentUrl()).contains("code=");

        // The app is the user's factor now: a new browser signs in with its next code.
        ChromeDriver next = browser("en-US");
        next.get(authorize);
        signIn(next, "tomas", PASSWORD);
        awaitText(next, By.tagName("h1"), "Verify it's you");
        fill(next, "code", Totp.code(secret, java.time.Instant.now().plusSeconds(30)));
        submit(next);
        new WebDriverWait(next, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/app/callback"));
        assertThat(next.getCurrentUrl()).contains("code=");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username("tomas")).preferredMfaSetting())
                .isEqualTo("SOFTWARE_TOKEN_MFA");
    }

    /** The text of the QR code on the page, decoded with ZXing from Chromium's screenshot of it. */
    private static String scannedQrCode(ChromeDriver driver) throws Exception {
        byte[] png = driver.findElement(By.cssSelector(".qr-code svg")).getScreenshotAs(OutputType.BYTES);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(
                        image.getWidth(), image.getHeight(), pixels)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void koreanBrowserWhenItOpensThePagesThenTheyAreInKorean() throws Exception {
        createUser("eun@example.com", PASSWORD, true);
        ChromeDriver driver = browser("ko-KR");
        Login login = Login.start();
        driver.get(login.request().toURI().toString());

        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("로그인");
        assertThat(driver.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("비밀번호");
        Chromium.screenshot(driver, "hosted-ui-login-ko");
        signIn(driver, "eun@example.com", "Wrong-Passw0rd!");
        awaitText(driver, By.id("error"), "비밀번호");

        driver.findElement(By.linkText("English")).click();
        awaitText(driver, By.tagName("h1"), "Sign in");
        signIn(driver, "eun@example.com", PASSWORD);
        assertThat(exchange(login, code(driver, login)).getOIDCTokens().getIDToken()).isNotNull();

        driver.get(Gatehouse.ENDPOINT + "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=https://evil.example/steal");
        assertThat(driver.findElement(By.id("error")).getText()).as("the error page speaks Korean too")
                .isEqualTo("애플리케이션이 등록하지 않은 주소로 돌아가려고 합니다.");
    }

    @Test
    void poolDomainWhenBrowserUsesItThenThePoolsPagesAndNoOtherPoolsClients() throws Exception {
        createUser("fay@example.com", PASSWORD, true);
        // A new name each run: the embedded database outlives a build without `clean`.
        String prefix = "hosted-ui-" + Long.toString(System.nanoTime(), 36);
        cognito.createUserPoolDomain(r -> r.userPoolId(poolId).domain(prefix));
        String otherPool = cognito.createUserPool(r -> r.poolName("elsewhere")).userPool().id();
        String stranger = cognito.createUserPoolClient(r -> r.userPoolId(otherPool).clientName("stranger")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE).generateSecret(true)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK.toString()).supportedIdentityProviders("COGNITO"))
                .userPoolClient().clientId();
        // Chromium resolves every *.localhost name to the loopback address, so the domain needs no DNS here.
        String domain = "http://" + prefix + ".localhost:" + Gatehouse.ENDPOINT.getPort();
        ChromeDriver driver = browser("en-US");
        Login login = Login.start();

        driver.get(login.request().toURI().toString().replace(Gatehouse.ENDPOINT.toString(), domain));
        assertThat(driver.getCurrentUrl()).startsWith(domain + "/login?");
        signIn(driver, "fay@example.com", PASSWORD);
        assertThat(exchange(login, code(driver, login)).getOIDCTokens().getIDToken()).isNotNull();

        driver.get(domain + "/oauth2/authorize?response_type=code&client_id=" + stranger + "&redirect_uri=" + CALLBACK);
        assertThat(driver.getCurrentUrl()).startsWith(domain);
        assertThat(driver.findElement(By.id("error")).getText()).isEqualTo("This application cannot sign you in here.");
        assertThat(driver.findElement(By.id("detail")).getText()).contains("does not belong");
    }

    @Test
    void uiCustomizationWhenSetThenThePagesShowTheLogoAndTheCss() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(160, 48,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(0x0b6e4f));
        graphics.fillRect(0, 0, 160, 48);
        graphics.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        cognito.setUICustomization(r -> r.userPoolId(poolId).clientId(clientId.getValue())
                .css(".submitButton-customizable { background-color: rgb(11, 110, 79); }")
                .imageFile(software.amazon.awssdk.core.SdkBytes.fromByteArray(png.toByteArray())));
        try {
            ChromeDriver driver = browser("en-US");
            driver.get(Login.start().request().toURI().toString());

            org.openqa.selenium.WebElement logo = driver.findElement(By.className("logo-customizable"));
            assertThat(driver.executeScript("return arguments[0].naturalWidth", logo)).isEqualTo(160L);
            assertThat(driver.findElement(By.cssSelector("button.submitButton-customizable"))
                    .getCssValue("background-color")).isEqualTo("rgba(11, 110, 79, 1)");
            Chromium.screenshot(driver, "hosted-ui-login-customized");
        } finally {
            cognito.setUICustomization(r -> r.userPoolId(poolId).clientId(clientId.getValue()));
        }
    }

    @Test
    void unregisteredRedirectUriWhenOpenedThenAnErrorPageAndTheBrowserStaysHere() {
        ChromeDriver driver = browser("en-US");
        driver.get(Gatehouse.ENDPOINT + "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=https://evil.example/steal&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        assertThat(driver.getCurrentUrl()).startsWith(Gatehouse.ENDPOINT.toString());
        assertThat(driver.findElement(By.id("error")).getText()).contains("has not registered");
        assertThat(driver.findElement(By.id("detail")).getText()).contains("redirect_uri");
        Chromium.screenshot(driver, "hosted-ui-error-en");
    }

    @Test
    void lockWhenPasswordGuessedFiveTimesThenThePageSaysSoEvenForTheRightOneInEnglishAndKorean() {
        Map<String, String> lockMessages = Map.of("en-US", "Password attempts exceeded",
                "ko-KR", "로그인 실패 횟수가 너무 많습니다");
        for (Map.Entry<String, String> language : lockMessages.entrySet()) {
            String email = "locked-" + UUID.randomUUID() + "@example.com";
            createUser(email, PASSWORD, true);
            ChromeDriver driver = browser(language.getKey());
            driver.get(Login.start().request().toURI().toString());
            for (int i = 0; i < 5; i++) {
                WebElement before = driver.findElement(By.tagName("h1"));
                signIn(driver, email, "Wrong-Passw0rd!");
                awaitGone(driver, before);
            }

            signIn(driver, email, PASSWORD);

            awaitText(driver, By.id("error"), language.getValue());
            Chromium.screenshot(driver, "hosted-ui-locked-" + language.getKey());
        }
    }
}
