package io.gatehouse.it.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.HostedForm;
import io.gatehouse.it.cognito.Mailbox;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidLambdaResponseException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * UserMigration on a webhook standing in for a legacy directory: a user the pool does not know is fetched at their
 * first password sign-in (API, administrator, hosted UI) or password reset and created as the trigger says; the
 * trigger's error means "no such user"; SRP never asks it; a failing migration creates nobody.
 */
class UserMigrationTriggerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The legacy directory: user name to password. Its passwords would fail the pool's policy. */
    private static final Map<String, String> LEGACY = new ConcurrentHashMap<>();
    private static final String CALLBACK = "http://localhost:3000/cb";

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static CognitoIdentityProviderClient cognito;
    private static TriggerStandIn standIn;
    private String poolId;
    private String clientId;
    private String status = null;

    @BeforeAll
    static void start() throws Exception {
        cognito = Gatehouse.adminClient();
        standIn = new TriggerStandIn();
    }

    @AfterAll
    static void stop() {
        standIn.close();
        cognito.close();
    }

    @BeforeEach
    void pool() {
        standIn.clear();
        LEGACY.clear();
        LEGACY.put("olga", "legacy1");
        LEGACY.put("pete", "legacy2");
        LEGACY.put("quin", "legacy3");
        standIn.on("/migrate", this::legacyDirectory);
        poolId = cognito.createUserPool(r -> r.poolName("migration").lambdaConfig(l -> l
                .userMigration(standIn.url("/migrate")))).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
    }

    /** A migration function as the AWS guide writes one: the password checked at sign-in, none at a reset. */
    private Answer legacyDirectory(JsonNode event) {
        String name = event.path("userName").asText();
        String known = LEGACY.get(name);
        boolean signIn = event.path("triggerSource").asText().equals("UserMigration_Authentication");
        if (known == null || (signIn && !known.equals(event.path("request").path("password").asText()))) {
            return Answer.error("Bad password");
        }
        ObjectNode response = JSON.createObjectNode();
        response.putObject("userAttributes").put("email", name + "@legacy.example").put("email_verified", "true")
                .put("name", name.toUpperCase());
        if (status != null) {
            response.put("finalUserStatus", status);
        }
        response.put("messageAction", "SUPPRESS");
        return Answer.respond(event, response);
    }

    private AuthenticationResultType signIn(String username, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
                .clientMetadata(Map.of("source", "mobile"))).authenticationResult();
    }

    @Test
    void firstPasswordSignInWhenTheLegacyDirectoryKnowsTheUserThenCreatedConfirmedAndSignedIn() throws Exception {
        AuthenticationResultType tokens = signIn("olga", "legacy1");

        assertThat(SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getStringClaim("email"))
                .isEqualTo("olga@legacy.example");
        var user = cognito.adminGetUser(r -> r.userPoolId(poolId).username("olga"));
        assertThat(user.userStatus()).isEqualTo(UserStatusType.CONFIRMED);
        assertThat(user.userAttributes()).contains(AttributeType.builder().name("name").value("OLGA").build(),
                AttributeType.builder().name("email_verified").value("true").build());
        JsonNode event = standIn.events("UserMigration_Authentication").get(0);
        assertThat(event.path("version").asText()).isEqualTo("1");
        assertThat(event.path("userName").asText()).isEqualTo("olga");
        assertThat(event.path("userPoolId").asText()).isEqualTo(poolId);
        assertThat(event.path("callerContext").path("clientId").asText()).isEqualTo(clientId);
        assertThat(event.path("request").path("password").asText()).isEqualTo("legacy1");
        assertThat(event.path("request").path("validationData").path("source").asText()).isEqualTo("mobile");
        assertThat(event.path("request").path("clientMetadata").isObject()).isTrue();

        // Now the pool's own user: the legacy directory is not asked again, and the password it gave works.
        standIn.clear();
        assertThat(signIn("olga", "legacy1").accessToken()).isNotBlank();
        assertThat(standIn.events()).isEmpty();
        assertThatThrownBy(() -> signIn("olga", "legacy2")).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void adminPasswordSignInWhenTheUserIsUnknownThenMigratedToo() {
        var result = cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "pete", "PASSWORD", "legacy2"))).authenticationResult();

        assertThat(result.idToken()).isNotBlank();
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("pete")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void signInWhenTheTriggerFindsNobodyThenNotFoundAsCognitoSaysAndNoUser() {
        assertThatThrownBy(() -> signIn("olga", "not-her-password")).isInstanceOf(NotAuthorizedException.class)
                .hasMessageStartingWith("Incorrect username or password.");
        String legacyErrors = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("legacy-errors")
                .preventUserExistenceErrors("LEGACY").explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(legacyErrors)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "zed", "PASSWORD", "whatever"))))
                .isInstanceOf(UserNotFoundException.class);

        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("olga")))
                .isInstanceOf(UserNotFoundException.class);
        assertThat(standIn.events("UserMigration_Authentication")).hasSize(2);
    }

    @Test
    void signInWhenTheTriggerAnswersGarbageThenInvalidLambdaResponseAndNoUser() {
        standIn.on("/migrate", event -> Answer.respond(event, JSON.createObjectNode().put("finalUserStatus",
                "ARCHIVED")));
        assertThatThrownBy(() -> signIn("olga", "legacy1")).isInstanceOf(InvalidLambdaResponseException.class);
        standIn.on("/migrate", event -> Answer.respond(event, JSON.createObjectNode().set("userAttributes",
                JSON.createObjectNode().put("no_such_attribute", "x"))));
        assertThatThrownBy(() -> signIn("olga", "legacy1")).isInstanceOf(InvalidLambdaResponseException.class);

        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("olga")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void signInWhenTheTriggerSaysResetRequiredThenCreatedAndAskedToReset() {
        status = "RESET_REQUIRED";

        assertThatThrownBy(() -> signIn("quin", "legacy3")).isInstanceOf(PasswordResetRequiredException.class);

        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("quin")).userStatus())
                .isEqualTo(UserStatusType.RESET_REQUIRED);
    }

    @Test
    void forgotPasswordWhenTheUserIsUnknownThenMigratedAwaitingAResetAndTheCodeSent() throws Exception {
        var delivery = cognito.forgotPassword(r -> r.clientId(clientId).username("pete")
                .clientMetadata(Map.of("reason", "forgot"))).codeDeliveryDetails();

        assertThat(delivery.deliveryMediumAsString()).isEqualTo("EMAIL");
        String code = Mailbox.lastCodeTo(MAIL, "pete@legacy.example");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("pete")).userStatus())
                .isEqualTo(UserStatusType.RESET_REQUIRED);
        JsonNode event = standIn.events("UserMigration_ForgotPassword").get(0);
        assertThat(event.path("request").has("password")).isFalse();
        assertThat(event.path("request").path("clientMetadata").path("reason").asText()).isEqualTo("forgot");

        cognito.confirmForgotPassword(r -> r.clientId(clientId).username("pete").confirmationCode(code)
                .password("New-Pool-Pass-1"));
        assertThat(signIn("pete", "New-Pool-Pass-1").idToken()).isNotBlank();
    }

    @Test
    void srpSignInWhenTheUserIsUnknownThenTheTriggerIsNotAsked() {
        String srpA = "2"; // any valid SRP A: the server answers a decoy challenge for an unknown user
        var challenge = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", "olga", "SRP_A", srpA)));

        assertThat(challenge.challengeNameAsString()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(standIn.events()).isEmpty();
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username("olga")))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void hostedUiSignInWhenTheUserIsUnknownThenMigratedAndACode() throws Exception {
        String web = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("web")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs(CALLBACK).supportedIdentityProviders("COGNITO"))
                .userPoolClient().clientId();

        HttpResponse<String> signedIn = new HostedForm().signIn(HostedForm.encode(Map.of("client_id", web,
                "response_type", "code", "redirect_uri", CALLBACK)), "olga", "legacy1");

        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("code=");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("olga")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(Set.copyOf(standIn.events().stream().map(e -> e.path("callerContext").path("clientId").asText())
                .toList())).containsExactly(web);
    }
}
