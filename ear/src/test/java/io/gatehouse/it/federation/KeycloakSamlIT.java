package io.gatehouse.it.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.gatehouse.it.Gatehouse;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak 26 as a corporate SAML 2.0 IdP, with Chromium: each pool is registered at Keycloak as a SAML client made
 * through Keycloak's own admin API from the pool's SP metadata (as an administrator imports it), which signs its
 * assertions and, for the second pool, encrypts them for the pool's encryption certificate. The browser signs in
 * SP-initiated (the app names the IdP; Gatehouse sends a signed AuthnRequest) and IdP-initiated (Keycloak's own
 * link, whose relay state is the app's authorization request), and signs out through SAML single logout in both
 * directions.
 */
class KeycloakSamlIT {

    private static final String KEYCLOAK = System.getProperty("gatehouse.it.keycloak.url");
    private static final String REALM = KEYCLOAK + "/realms/gatehouse";
    private static final URI CALLBACK = RelyingParty.CALLBACK;
    private static final URI SIGNED_OUT = Gatehouse.ENDPOINT.resolve("/app/signed-out");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CognitoIdentityProviderClient cognito;
    private static Pool signed;
    private static Pool encrypted;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    /** A pool with the SAML IdP {@code Corp} (Keycloak), its app, and its Keycloak client's IdP-initiated link. */
    private record Pool(String id, RelyingParty app, UserPoolClientType confidential, String idpInitiatedUrl) {
    }

    @BeforeAll
    static void pools() throws Exception {
        cognito = Gatehouse.adminClient();
        String admin = keycloakAdminToken();
        signed = pool("saml-keycloak", false, admin);
        encrypted = pool("saml-keycloak-encrypted", true, admin);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @AfterEach
    void quit() {
        browsers.forEach(Chromium::stop);
    }

    private static Pool pool(String name, boolean encrypt, String admin) throws Exception {
        String poolId = cognito.createUserPool(r -> r.poolName(name)).userPool().id();
        cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName("Corp")
                .providerType(IdentityProviderTypeType.SAML)
                .providerDetails(Map.of("MetadataURL", REALM + "/protocol/saml/descriptor", "IDPSignout", "true",
                        "IDPInit", "true", "EncryptedResponses", Boolean.toString(encrypt),
                        "RequestSigningAlgorithm", "rsa-sha256"))
                .idpIdentifiers("corp.example")
                .attributeMapping(Map.of("email", "email", "given_name", "firstName")));
        String publicClient = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("SAML App")
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email", "profile").callbackURLs(CALLBACK.toString())
                .logoutURLs(SIGNED_OUT.toString()).supportedIdentityProviders("COGNITO", "Corp"))
                .userPoolClient().clientId();
        // An IdP-initiated sign-in carries no PKCE challenge, so it is a confidential client's (its secret
        // redeems the code).
        UserPoolClientType confidential = cognito.createUserPoolClient(r -> r.userPoolId(poolId)
                .clientName("SAML Portal App").generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CODE).allowedOAuthScopes("openid", "email")
                .callbackURLs(CALLBACK.toString()).supportedIdentityProviders("Corp")).userPoolClient();
        String relayState = "client_id=" + confidential.clientId() + "&redirect_uri="
                + URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid+email&identity_provider=Corp";
        String urlName = "gatehouse-" + poolId.substring(poolId.indexOf('_') + 1).toLowerCase();
        registerAtKeycloak(admin, poolId, encrypt, urlName, relayState);
        return new Pool(poolId, new RelyingParty(poolId, publicClient), confidential,
                REALM + "/protocol/saml/clients/" + urlName);
    }

    private static String keycloakAdminToken() throws Exception {
        HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin"
                        + "&password=gatehouse-it-admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /**
     * Imports the pool's SP metadata into Keycloak (its client-description converter, as the admin console's
     * "Import client" does), then completes the client as an administrator would: signed assertions, the user name
     * as NameID, the e-mail and first name as attributes, encryption when asked, and an IdP-initiated link.
     */
    private static void registerAtKeycloak(String admin, String poolId, boolean encrypt, String urlName,
                                           String relayState) throws Exception {
        HttpResponse<String> metadata = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(
                "/saml2/metadata?user_pool_id=" + poolId)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        HttpResponse<String> converted = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/admin/realms/gatehouse/client-description-converter"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(metadata.body())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(converted.statusCode()).as(converted.body()).isEqualTo(200);
        ObjectNode client = (ObjectNode) JSON.readTree(converted.body());
        assertThat(client.get("clientId").asText()).isEqualTo("urn:amazon:cognito:sp:" + poolId);
        ObjectNode attributes = client.with("attributes");
        attributes.put("saml.assertion.signature", "true");
        attributes.put("saml.server.signature", "true");
        attributes.put("saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#");
        attributes.put("saml.signature.algorithm", "RSA_SHA256");
        attributes.put("saml_name_id_format", "username");
        attributes.put("saml_force_name_id_format", "true");
        attributes.put("saml.encrypt", Boolean.toString(encrypt));
        attributes.put("saml_idp_initiated_sso_url_name", urlName);
        attributes.put("saml_idp_initiated_sso_relay_state", relayState);
        client.put("frontchannelLogout", true);
        ArrayNode mappers = client.putArray("protocolMappers");
        mappers.add(attributeMapper("email", "email"));
        mappers.add(attributeMapper("firstName", "firstName"));
        HttpResponse<String> created = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                        + "/admin/realms/gatehouse/clients"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private static ObjectNode attributeMapper(String property, String attribute) {
        ObjectNode mapper = JSON.createObjectNode().put("name", attribute).put("protocol", "saml")
                .put("protocolMapper", "saml-user-property-mapper");
        mapper.putObject("config").put("user.attribute", property).put("attribute.name", attribute)
                .put("attribute.nameformat", "Basic").put("friendly.name", attribute);
        return mapper;
    }

    private ChromeDriver browser() {
        ChromeDriver driver = Chromium.start("en-US");
        browsers.add(driver);
        return driver;
    }

    /** Keycloak's login page, as alice. */
    private static void signInAtKeycloak(ChromeDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(driver::getCurrentUrl)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("kc-login")));
        assertThat(driver.getCurrentUrl()).startsWith(REALM + "/");
        driver.findElement(By.id("username")).sendKeys("alice");
        driver.findElement(By.id("password")).sendKeys("alice-keycloak-pass");
        driver.findElement(By.id("kc-login")).click();
    }

    private static void assertFederatedAlice(Pool pool, IDTokenClaimsSet claims) throws Exception {
        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("Corp_alice");
        assertThat(claims.getStringClaim("email")).isEqualTo("alice@keycloak.example");
        List<?> identities = (List<?>) claims.getClaim("identities");
        assertThat(identities).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> identity = (Map<String, Object>) identities.get(0);
        assertThat(identity).containsEntry("providerName", "Corp").containsEntry("providerType", "SAML")
                .containsEntry("userId", "alice");
        AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.id()).username("Corp_alice"));
        assertThat(user.userStatusAsString()).isEqualTo("EXTERNAL_PROVIDER");
        assertThat(user.userAttributes()).contains(AttributeType.builder().name("given_name").value("Alice")
                .build());
    }

    @Test
    void spInitiatedWhenAliceSignsInAtKeycloakThenTheAppGetsTokensForCorpAlice() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = signed.app().start("Corp");
        driver.get(login.request().toURI().toString());
        signInAtKeycloak(driver);

        assertFederatedAlice(signed, signed.app().tokensFor(driver, login));
    }

    @Test
    void spInitiatedWhenKeycloakEncryptsTheAssertionThenGatehouseOpensItAndSignsAliceIn() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = encrypted.app().start("Corp");
        driver.get(login.request().toURI().toString());
        signInAtKeycloak(driver);

        assertFederatedAlice(encrypted, encrypted.app().tokensFor(driver, login));
    }

    @Test
    void workEmailWhenItsDomainIsTheIdpsIdentifierThenTheSignInGoesToKeycloak() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = signed.app().start(null);
        driver.get(login.request().toURI() + "&idp_identifier=someone%40corp.example");
        signInAtKeycloak(driver);

        assertThat(signed.app().tokensFor(driver, login).getStringClaim("cognito:username")).isEqualTo("Corp_alice");
    }

    @Test
    void idpInitiatedWhenAliceFollowsKeycloaksLinkThenTheRelayStatesAppGetsACode() throws Exception {
        for (Pool pool : List.of(signed, encrypted)) {
            ChromeDriver driver = browser();
            driver.get(pool.idpInitiatedUrl());
            signInAtKeycloak(driver);
            new WebDriverWait(driver, Duration.ofSeconds(20))
                    .withMessage(() -> "the browser stopped at " + driver.getCurrentUrl() + ": "
                            + driver.getPageSource())
                    .until(ExpectedConditions.urlContains("/app/callback"));
            URI callback = URI.create(driver.getCurrentUrl());
            assertThat(callback.getQuery()).startsWith("code=");
            String code = callback.getQuery().substring("code=".length()).split("&")[0];

            HttpResponse<String> tokens = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(
                            "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((pool.confidential()
                            .clientId() + ":" + pool.confidential().clientSecret()).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                            + "&redirect_uri=" + URLEncoder.encode(CALLBACK.toString(), StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            JsonNode idToken = JSON.readTree(Base64.getUrlDecoder().decode(JSON.readTree(tokens.body())
                    .get("id_token").asText().split("\\.")[1]));
            assertThat(idToken.get("cognito:username").asText()).isEqualTo("Corp_alice");
            assertThat(idToken.get("aud").asText()).isEqualTo(pool.confidential().clientId());
        }
    }

    @Test
    void logoutWhenIdpSignoutThenKeycloaksSessionEndsByLogoutRequestAndTheBrowserReachesTheApp() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = signed.app().start("Corp");
        driver.get(login.request().toURI().toString());
        signInAtKeycloak(driver);
        signed.app().tokensFor(driver, login);

        driver.get(Gatehouse.ENDPOINT.resolve("/logout?client_id=" + signed.app().clientId() + "&logout_uri="
                + URLEncoder.encode(SIGNED_OUT.toString(), StandardCharsets.UTF_8)).toString());

        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(driver::getCurrentUrl)
                .until(ExpectedConditions.urlContains("/app/signed-out"));
        // Keycloak's session is gone: the next sign-in there asks for the password again.
        driver.get(signed.app().start("Corp").request().toURI().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("kc-login")));
    }

    @Test
    void keycloakSignOutWhenItSendsALogoutRequestThenGatehousesSessionEndsToo() throws Exception {
        ChromeDriver driver = browser();
        RelyingParty.Login login = signed.app().start("Corp");
        driver.get(login.request().toURI().toString());
        signInAtKeycloak(driver);
        signed.app().tokensFor(driver, login);

        // Signing out at Keycloak: its front-channel logout sends the browser to /saml2/logout with a LogoutRequest.
        driver.get(REALM + "/protocol/openid-connect/logout");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("kc-logout")));
        driver.findElement(By.id("kc-logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(driver::getCurrentUrl)
                .until(d -> !d.getCurrentUrl().contains("/saml2/logout")
                        && d.getPageSource().toLowerCase().contains("logged out"));

        // Gatehouse's hosted session is gone: the app's next sign-in (without naming the IdP) shows the login page
        // rather than answering at once with a code.
        driver.get(signed.app().start(null).request().toURI().toString());
        new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(driver::getCurrentUrl)
                .until(ExpectedConditions.presenceOfElementLocated(By.linkText("Continue with Corp")));
    }

    @Test
    void describeWhenConfiguredFromKeycloaksMetadataThenTheSsoAndSloEndpointsAreFilledIn() {
        IdentityProviderType idp = cognito.describeIdentityProvider(r -> r.userPoolId(signed.id())
                .providerName("Corp")).identityProvider();

        assertThat(idp.providerDetails()).containsEntry("MetadataURL", REALM + "/protocol/saml/descriptor")
                .containsEntry("IDPSignout", "true").containsEntry("IDPInit", "true");
        assertThat(idp.providerDetails().get("SSORedirectBindingURI")).startsWith(REALM + "/protocol/saml");
        assertThat(idp.providerDetails().get("SLORedirectBindingURI")).startsWith(REALM + "/protocol/saml");
    }
}
