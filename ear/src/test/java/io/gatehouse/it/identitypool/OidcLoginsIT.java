package io.gatehouse.it.identitypool;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.ExternalServiceException;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity pools taking ID tokens of an OpenID Connect provider, registered with AWS's own IAM client
 * (CreateOpenIDConnectProvider and its siblings, the IAM Query API on this server's endpoint) and named in the pool's
 * {@code OpenIdConnectProviderARNs}. The IdP is one of this server's user pools, a real OIDC issuer with discovery and
 * keys, used here as any third-party issuer would be: its tokens are checked through the issuer's discovery document,
 * not as a user pool's. Tokens for another client, forged, or of a provider no longer registered are refused, and an
 * issuer that cannot be reached is an external service's failure.
 */
class OidcLoginsIT {

    private static final String MEMBERS = "arn:aws:iam::123456789012:role/oidc-members";
    private static final String ADMINS = "arn:aws:iam::123456789012:role/oidc-admins";

    private static CognitoIdentityProviderClient userPools;
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static IamClient iam;
    private static String userPoolId;
    private static String clientId;
    private static String otherClientId;
    private static String issuer;
    private static String providerName;
    private static String providerArn;
    private static String identityPoolId;

    @BeforeAll
    static void pools() {
        userPools = Gatehouse.adminClient();
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        iam = iam(StaticCredentialsProvider.create(AwsBasicCredentials.create(Gatehouse.ADMIN_KEY,
                Gatehouse.ADMIN_SECRET)));
        userPoolId = userPools.createUserPool(r -> r.poolName("oidc-idp")).userPool().id();
        clientId = client("relying-party");
        otherClientId = client("another-party");
        userPools.createGroup(r -> r.userPoolId(userPoolId).groupName("admins"));
        issuer = Gatehouse.ENDPOINT + "/" + userPoolId;
        providerName = issuer.substring(issuer.indexOf("://") + 3);
        providerArn = iam.createOpenIDConnectProvider(r -> r.url(issuer).clientIDList(clientId))
                .openIDConnectProviderArn();
        identityPoolId = admin.createIdentityPool(r -> r.identityPoolName("oidc logins")
                .allowUnauthenticatedIdentities(false).openIdConnectProviderARNs(providerArn)).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId)
                .roles(Map.of("authenticated", MEMBERS))
                .roleMappings(Map.of(providerName, RoleMapping.builder().type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE)
                        .rulesConfiguration(c -> c.rules(rule -> rule.claim("cognito:groups")
                                .matchType(MappingRuleMatchType.CONTAINS).value("admins").roleARN(ADMINS)))
                        .build())));
    }

    @AfterAll
    static void close() {
        userPools.close();
        admin.close();
        anonymous.close();
        iam.close();
    }

    private static IamClient iam(AwsCredentialsProvider credentials) {
        return IamClient.builder().endpointOverride(Gatehouse.ENDPOINT).region(Gatehouse.REGION)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    private static String client(String name) {
        return PoolUsers.passwordClient(userPools, userPoolId, name);
    }

    private static String idToken(String client, String... groups) {
        return PoolUsers.idToken(userPools, userPoolId, client, groups);
    }

    private static String roleOf(String idToken) {
        Map<String, String> logins = Map.of(providerName, idToken);
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId();
        Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
                .credentials();
        try (StsClient sts = Gatehouse.stsClient(credentials.accessKeyId(), credentials.secretKey(),
                credentials.sessionToken())) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void createWhenManyRegisterTheSameUrlAtOnceThenOneIsRegisteredAndTheOthersAreTold() throws Exception {
        String url = "https://race-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        int callers = 6;
        CyclicBarrier together = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                outcomes.add(pool.submit(() -> {
                    together.await();
                    try {
                        iam.createOpenIDConnectProvider(r -> r.url(url).clientIDList("race"));
                        return "created";
                    } catch (IamException e) {
                        return e.awsErrorDetails().errorCode();
                    }
                }));
            }
            List<String> seen = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                seen.add(outcome.get());
            }
            assertThat(seen).containsOnlyOnce("created").containsOnly("created", "EntityAlreadyExists");
        } finally {
            pool.shutdownNow();
            iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(
                    "arn:aws:iam::000000000000:oidc-provider/" + url.substring("https://".length())));
        }
    }

    @Test
    void providerWhenRegisteredThenIamShowsItAsAws() {
        assertThat(providerArn).isEqualTo("arn:aws:iam::000000000000:oidc-provider/" + providerName);
        GetOpenIdConnectProviderResponse provider = iam.getOpenIDConnectProvider(r -> r
                .openIDConnectProviderArn(providerArn));
        assertThat(provider.url()).isEqualTo(providerName);
        assertThat(provider.clientIDList()).containsExactly(clientId);
        assertThat(provider.createDate()).isNotNull();
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
                .anySatisfy(p -> assertThat(p.arn()).isEqualTo(providerArn));

        assertThatThrownBy(() -> iam.createOpenIDConnectProvider(r -> r.url(issuer).clientIDList("x")))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(providerArn + "x")))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.createOpenIDConnectProvider(r -> r.url("http://idp.example.com/realm")
                .clientIDList("x"))).as("plain http off the loopback host")
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidInput"));
        try (IamClient unsigned = iam(AnonymousCredentialsProvider.create())) {
            assertThatThrownBy(unsigned::listOpenIDConnectProviders)
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void idTokenOfTheProviderWhenShownThenAnIdentityAndTheRoleItsRulesGive() {
        assertThat(roleOf(idToken(clientId))).isEqualTo(
                "arn:aws:sts::123456789012:assumed-role/oidc-members/CognitoIdentityCredentials");
        assertThat(roleOf(idToken(clientId, "admins"))).isEqualTo(
                "arn:aws:sts::123456789012:assumed-role/oidc-admins/CognitoIdentityCredentials");
        String token = idToken(clientId);
        Map<String, String> logins = Map.of(providerName, token);
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId();
        assertThat(anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId())
                .isEqualTo(identityId);
        assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins()).containsExactly(providerName);
    }

    @Test
    void tokensTheProviderDidNotIssueForTheClientsWhenShownThenNotAuthorized() {
        String token = idToken(clientId);
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[5] ^= 1;
        String forged = parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        for (String bad : List.of(idToken(otherClientId), forged, "not-a-jwt")) {
            assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(identityPoolId)
                    .logins(Map.of(providerName, bad)))).isInstanceOf(NotAuthorizedException.class);
        }
    }

    @Test
    void providerGoneOrUnreachableWhenItsTokenIsShownThenRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String deadIssuer = "http://127.0.0.1:" + closed + "/realms/gone";
        String deadArn = iam.createOpenIDConnectProvider(r -> r.url(deadIssuer).clientIDList(clientId))
                .openIDConnectProviderArn();
        String unregisteredArn = "arn:aws:iam::000000000000:oidc-provider/idp.example.com/never";
        String pool = admin.createIdentityPool(r -> r.identityPoolName("oidc gone")
                .allowUnauthenticatedIdentities(false).openIdConnectProviderARNs(deadArn, unregisteredArn))
                .identityPoolId();
        String token = idToken(clientId);

        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(pool)
                .logins(Map.of("127.0.0.1:" + closed + "/realms/gone", token))))
                .isInstanceOf(ExternalServiceException.class);
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(pool)
                .logins(Map.of("idp.example.com/never", token)))).isInstanceOf(NotAuthorizedException.class);

        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(deadArn));
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(pool)
                .logins(Map.of("127.0.0.1:" + closed + "/realms/gone", token))))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(deadArn)))
                .isInstanceOf(NoSuchEntityException.class);
    }
}
