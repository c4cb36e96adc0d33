package io.gatehouse.it.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.cognito.NodeScripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IdentityCredentialsIT's scenario with AWS's JavaScript clients under Node (installed from the lock file by the
 * build's {@code npm ci}), unchanged but for their endpoints: the SDK v3's {@code fromCognitoIdentityPool} credential
 * provider given to its {@code STSClient}, and Amplify JS v6's {@code fetchAuthSession} with an identity pool
 * configured. Each asks this server's STS who its credentials are (GetCallerIdentity): the role the identity pool's
 * roles and role mapping chose. One Node run covers several cases, as each costs a second or two.
 */
class IdentityPoolJsIT {

    private static final String ASSUMED = "arn:aws:sts::123456789012:assumed-role/%s/CognitoIdentityCredentials";

    private static CognitoIdentityProviderClient userPools;
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static String userPoolId;
    private static String clientId;
    /** The provider as Cognito names a user pool, which the SDK's caller chooses. */
    private static String provider;
    /** The provider as Amplify names it: the ID token's issuer without its scheme. */
    private static String issuerProvider;
    private static String identityPoolId;

    @BeforeAll
    static void pools() throws Exception {
        userPools = Gatehouse.adminClient();
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        userPoolId = userPools.createUserPool(r -> r.poolName("identity-pool-js")).userPool().id();
        // SRP for Amplify (its default flow), passwords for the tokens this test hands the SDK's provider.
        clientId = userPools.createUserPoolClient(r -> r.userPoolId(userPoolId).clientName("web").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
        userPools.createGroup(r -> r.userPoolId(userPoolId).groupName("admins"));
        provider = "cognito-idp.us-east-1.amazonaws.com/" + userPoolId;
        issuerProvider = issuer(userPoolId).replaceFirst("^https?://", "");
        identityPoolId = admin.createIdentityPool(r -> r.identityPoolName("js identities")
                .allowUnauthenticatedIdentities(true)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider).clientId(clientId)
                        .serverSideTokenCheck(true).build())).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId)
                .roles(Map.of("authenticated", role("js-users"), "unauthenticated", role("js-guests")))
                .roleMappings(Map.of(provider + ":" + clientId, RoleMapping.builder().type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE)
                        .rulesConfiguration(c -> c.rules(rule -> rule.claim("cognito:groups")
                                .matchType(MappingRuleMatchType.CONTAINS).value("admins").roleARN(role("js-admins"))))
                        .build())));
    }

    @AfterAll
    static void close() {
        userPools.close();
        admin.close();
        anonymous.close();
    }

    /** The user pool's issuer, as its discovery document gives it (an Amplify app's tokens carry it). */
    private static String issuer(String pool) throws Exception {
        HttpResponse<String> discovery = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(
                Gatehouse.ENDPOINT + "/" + pool + "/.well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(discovery.body()).path("issuer").asText();
    }

    private static String role(String name) {
        return "arn:aws:iam::123456789012:role/" + name;
    }

    private static String user(String... groups) {
        return PoolUsers.create(userPools, userPoolId, groups);
    }

    private static AuthenticationResultType signIn(String username) {
        return PoolUsers.signIn(userPools, clientId, username);
    }

    /** The identity GetId gives for a user's ID token under a provider name. */
    private static String identityOf(String providerName, String idToken) {
        return anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(Map.of(providerName, idToken)))
                .identityId();
    }

    private static void assertCredentials(JsonNode result, String roleName) {
        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("identityId").asText()).matches("us-east-1:[0-9a-f-]{36}");
        assertThat(result.path("accessKeyId").asText()).matches("ASIA[A-Z2-7]{16}");
        assertThat(Instant.parse(result.path("expiration").asText())).isAfter(Instant.now().plusSeconds(3000));
        assertThat(result.path("arn").asText()).isEqualTo(ASSUMED.formatted(roleName));
    }

    @Test
    void sdkProviderWhenSignedInGuestGroupMemberOrSignedOutThenTheirRolesOrRefused() throws Exception {
        String member = signIn(user()).idToken();
        String administrator = signIn(user("admins")).idToken();
        AuthenticationResultType leaving = signIn(user());
        userPools.globalSignOut(r -> r.accessToken(leaving.accessToken()));

        JsonNode results = NodeScripts.run("identity-pool.mjs", identityPoolId, provider, "member=" + member,
                "admin=" + administrator, "guest", "signedOut=" + leaving.idToken());

        assertCredentials(results.path("member"), "js-users");
        assertThat(results.path("member").path("identityId").asText())
                .as("the identity the SDK's GetId found is the user's").isEqualTo(identityOf(provider, member));
        assertCredentials(results.path("admin"), "js-admins");
        assertCredentials(results.path("guest"), "js-guests");
        assertThat(admin.describeIdentity(r -> r.identityId(results.path("guest").path("identityId").asText()))
                .logins()).isEmpty();
        assertThat(results.path("signedOut").path("error").asText()).as(results.path("signedOut").toString())
                .isEqualTo("NotAuthorizedException");
        assertThat(results.path("signedOut").path("message").asText()).contains("signed out");
    }

    @Test
    void amplifyWhenGuestThenSignedInThenSignedOutThenTheRoleOfEachSession() throws Exception {
        String username = user();

        JsonNode result = NodeScripts.run("amplify-identity.mjs", userPoolId, clientId, identityPoolId, username,
                PoolUsers.PASSWORD);

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        JsonNode guest = result.path("guest");
        assertCredentials(guest, "js-guests");
        JsonNode signedIn = result.path("user");
        assertCredentials(signedIn, "js-users");
        assertThat(signedIn.path("identityId").asText())
                .as("Amplify sends its guest identity with the login, which links the two, as Cognito does")
                .isEqualTo(guest.path("identityId").asText())
                .isEqualTo(identityOf(issuerProvider, signIn(username).idToken()))
                .as("the pool lists the user pool by Cognito's name only: Amplify's name for it is the same provider")
                .isEqualTo(identityOf(provider, signIn(username).idToken()));
        assertThat(admin.describeIdentity(r -> r.identityId(signedIn.path("identityId").asText())).logins())
                .containsExactly(provider);
        JsonNode afterSignOut = result.path("afterSignOut");
        assertCredentials(afterSignOut, "js-guests");
        assertThat(afterSignOut.path("identityId").asText()).as("a new guest after the sign-out")
                .isNotEqualTo(guest.path("identityId").asText());
    }
}
