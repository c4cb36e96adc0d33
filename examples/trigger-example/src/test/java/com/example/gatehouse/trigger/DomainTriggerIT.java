package com.example.gatehouse.trigger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gatehouse and this provider deployed together on a managed Open Liberty (one server for the suite), used as an
 * app uses Cognito: a pool whose PreSignUp and PreTokenGeneration name {@code java:email-domain}, sign-ups from the
 * configured domain ({@code corp.example}, see arquillian.xml) accepted and others refused, and the claim in the
 * tokens of a sign-in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DomainTriggerIT {

    private static final String TARGET = "java:" + DomainTriggerFactory.ID;
    private static final URI ENDPOINT = URI.create(System.getProperty("gatehouse.endpoint"));

    private static final CognitoIdentityProviderClient COGNITO = CognitoIdentityProviderClient.builder()
            .endpointOverride(ENDPOINT).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    System.getProperty("gatehouse.admin.key"), System.getProperty("gatehouse.admin.secret"))))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
            .build();

    private String poolId;
    private String clientId;

    /**
     * Gatehouse's EAR as released, with this provider's jar (as the build packaged it) in its lib/, beside
     * gatehouse-api: the application's class loader finds it as it finds the built-in providers. On a server, an
     * operator installs the same jar with Gatehouse's install-provider script instead.
     */
    @Deployment(testable = false)
    static EnterpriseArchive gatehouse() {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("gatehouse.ear")));
        JavaArchive provider = ShrinkWrap.createFromZipFile(JavaArchive.class,
                new File(System.getProperty("provider.jar")));
        return ear.addAsLibrary(provider);
    }

    @AfterAll
    static void close() {
        COGNITO.close();
    }

    @BeforeEach
    void pool() {
        poolId = COGNITO.createUserPool(r -> r.poolName("email-domain-example")
                .lambdaConfig(l -> l.preSignUp(TARGET).preTokenGeneration(TARGET))).userPool().id();
        clientId = COGNITO.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
    }

    private SignUpResponse signUp(String username, String email) {
        return COGNITO.signUp(r -> r.clientId(clientId).username(username).password("Example-Pass-1")
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
    }

    @Test
    void signUpFromTheDomainThenAUserWaitingForTheirCode() {
        SignUpResponse signedUp = signUp("alice", "alice@corp.example");

        assertFalse(signedUp.userConfirmed());
        assertEquals("UNCONFIRMED", COGNITO.adminGetUser(r -> r.userPoolId(poolId).username("alice"))
                .userStatusAsString());
    }

    @Test
    void signUpFromAnotherDomainThenRefusedWithTheProvidersMessageAndNoUser() {
        UserLambdaValidationException refused = assertThrows(UserLambdaValidationException.class,
                () -> signUp("mallory", "mallory@elsewhere.example"));

        assertTrue(refused.getMessage().startsWith(
                "PreSignUp failed with error Sign up with your corp.example e-mail address."), refused.getMessage());
        assertThrows(UserNotFoundException.class,
                () -> COGNITO.adminGetUser(r -> r.userPoolId(poolId).username("mallory")));
    }

    @Test
    void signInThenTheIdTokenCarriesTheClaim() {
        signUp("bob", "bob@corp.example");
        COGNITO.adminConfirmSignUp(r -> r.userPoolId(poolId).username("bob"));

        String idToken = COGNITO.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "bob", "PASSWORD", "Example-Pass-1")))
                .authenticationResult().idToken();

        String claims = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"org\":\"corp.example\""), claims);
    }

    @Test
    void lambdaConfigWhenATriggerTheProviderDoesNotImplementThenRefused() {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> COGNITO.updateUserPool(r -> r.userPoolId(poolId).lambdaConfig(l -> l.preSignUp(TARGET)
                        .postConfirmation(TARGET))));

        assertTrue(refused.getMessage().contains("LambdaConfig.PostConfirmation"), refused.getMessage());
    }
}
