package io.gatehouse.it.fuzz;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The faults the fuzz pass found, each pinned by the smallest call that showed it, through the AWS SDK as a client
 * would make it: every one was a 500 (or worse) before its fix, and is a refusal in Cognito's form now.
 */
class FuzzFindingsIT {

    private static CognitoIdentityProviderClient cognito;
    private static FuzzFixture fixture;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        fixture = new FuzzFixture(cognito);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    /** The model makes Password optional (for passwordless sign-up, which Gatehouse does not offer). */
    @Test
    void signUpWhenNoPasswordThenInvalidParameterAndNoUser() {
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(fixture.publicClientId()).username("no-password")))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(cognito.listUsers(r -> r.userPoolId(fixture.poolId()).filter("username = \"no-password\""))
                .users()).isEmpty();
    }

    /** SchemaAttributeType's Name is optional in the model; a custom attribute without one is refused. */
    @Test
    void addCustomAttributesWhenNoNameThenInvalidParameter() {
        assertThatThrownBy(() -> cognito.addCustomAttributes(r -> r.userPoolId(fixture.poolId())
                .customAttributes(a -> a.attributeDataType("String"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    /** PreviousPassword is optional in the model; left out, it is checked as the empty password, which is wrong. */
    @Test
    void changePasswordWhenNoPreviousPasswordThenNotAuthorizedAndPasswordUnchanged() {
        fixture.signIn();
        assertThatThrownBy(() -> cognito.changePassword(r -> r.accessToken(fixture.accessToken())
                .proposedPassword("Another-Passw0rd!")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(cognito.initiateAuth(r -> r.clientId(fixture.publicClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", FuzzFixture.USERNAME,
                        "PASSWORD", FuzzFixture.PASSWORD))).authenticationResult().accessToken()).isNotBlank();
    }

    /** An empty PASSWORD is a wrong password like any other. */
    @Test
    void initiateAuthWhenPasswordEmptyThenNotAuthorized() {
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(fixture.publicClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", FuzzFixture.USERNAME,
                        "PASSWORD", ""))))
                .isInstanceOf(NotAuthorizedException.class);
    }

    /** A form body with broken percent-encoding was RESTEasy's 500 naming java.net.URLDecoder. */
    @Test
    void tokenWhenFormEncodingBrokenThenInvalidRequest() throws Exception {
        HttpResponse<String> answer = postForm("/oauth2/token", "grant_type=client_credentials&client_id="
                + fixture.secretClientId() + "&%");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(ServiceShapes.JSON.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_request");
        assertThat(answer.body()).doesNotContain("URLDecoder");
    }

    @Test
    void loginWhenFormEncodingBrokenThenErrorPage() throws Exception {
        HttpResponse<String> answer = postForm("/login?client_id=" + fixture.publicClientId()
                + "&response_type=code&redirect_uri=" + FuzzFixture.CALLBACK, "username=a&password=%zz");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(answer.body()).contains("id=\"error\"").doesNotContain("URLDecoder");
    }

    private static HttpResponse<String> postForm(String pathAndQuery, String form) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** U+0000 (%00) in a client id: PostgreSQL refused the lookup, a 500; now an error page. */
    @Test
    void authorizeWhenClientIdHoldsNulThenErrorPage() throws Exception {
        HttpResponse<String> answer = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(
                "/oauth2/authorize?response_type=code&client_id=a%00b&redirect_uri=" + FuzzFixture.CALLBACK))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"error\"");
    }

    @Test
    void revokeWhenTokenHoldsNulThenInvalidRequest() throws Exception {
        HttpResponse<String> answer = postForm("/oauth2/revoke", "client_id=" + fixture.publicClientId()
                + "&token=a%00b");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(ServiceShapes.JSON.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_request");
    }

    /** Broken percent-encoding inside Basic credentials was URLDecoder's exception, a 500. */
    @Test
    void tokenWhenBasicCredentialsBadlyEncodedThenInvalidClient() throws Exception {
        HttpResponse<String> answer = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(
                "/oauth2/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("%zz:%".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(ServiceShapes.JSON.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void initiateAuthWhenUsernameHoldsNulThenInvalidParameter() {
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(fixture.publicClientId())
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "fuzz\u0000user",
                        "PASSWORD", FuzzFixture.PASSWORD))))
                .isInstanceOf(InvalidParameterException.class);
    }

    /** A redirect-binding sign-out whose query is not a URI's: the page failed (a 500) reading its raw query. */
    @Test
    void samlLogoutWhenQueryBadlyEncodedThenErrorPage() throws Exception {
        Answer answer = RawHttp.send("GET", "/saml2/logout?SAMLRequest=PExvZ291dFJlcXVlc3QvPg%3D%3D&a=%zz", Map.of(),
                null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"error\"");
    }
}
