package io.gatehouse.it.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.CreateIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityPoolResponse;
import software.amazon.awssdk.services.cognitoidentity.model.GetIdentityPoolRolesResponse;
import software.amazon.awssdk.services.cognitoidentity.model.GetPrincipalTagAttributeMapResponse;
import software.amazon.awssdk.services.cognitoidentity.model.IdentityPoolShortDescription;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.ListIdentityPoolsResponse;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRule;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.cognitoidentity.model.RulesConfigurationType;
import software.amazon.awssdk.services.cognitoidentity.model.SetPrincipalTagAttributeMapResponse;
import software.amazon.awssdk.services.cognitoidentity.model.UpdateIdentityPoolResponse;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The management half of the Cognito Identity API (identity pools, their roles and role mappings, principal tag
 * maps and tags), through the AWS SDK for Java v2's own {@link CognitoIdentityClient} pointed at the server: the
 * same endpoint as the user pools, told apart by {@code X-Amz-Target}, signed for {@code cognito-identity}, and
 * answering Cognito Identity's errors with their statuses.
 */
class IdentityPoolManagementIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_POOL_PROVIDER = "cognito-idp.us-east-1.amazonaws.com/us-east-1_Example01";
    private static final String CLIENT_ID = "exampleclient1234567890";
    private static final String OIDC_ARN = "arn:aws:iam::000000000000:oidc-provider/login.example.com";
    private static final String SAML_ARN = "arn:aws:iam::000000000000:saml-provider/corporate";
    private static final String AUTHENTICATED = "arn:aws:iam::000000000000:role/identity-authenticated";
    private static final String GUEST = "arn:aws:iam::000000000000:role/identity-guest";
    private static final String ADMINS = "arn:aws:iam::000000000000:role/identity-admins";
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("host", "content-length");

    private static CognitoIdentityClient identity;

    @BeforeAll
    static void client() {
        identity = Gatehouse.identityAdminClient();
    }

    @AfterAll
    static void close() {
        identity.close();
    }

    /** A pool that accepts a user pool client, Google, an OIDC and a SAML provider. */
    private static CreateIdentityPoolResponse fullPool(String name) {
        return identity.createIdentityPool(r -> r.identityPoolName(name)
                .allowUnauthenticatedIdentities(true)
                .allowClassicFlow(false)
                .supportedLoginProviders(Map.of("accounts.google.com", "google-app-id.apps.example.com"))
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(USER_POOL_PROVIDER)
                        .clientId(CLIENT_ID).serverSideTokenCheck(true).build())
                .openIdConnectProviderARNs(OIDC_ARN)
                .samlProviderARNs(SAML_ARN)
                .identityPoolTags(Map.of("team", "identity")));
    }

    private static String arn(String poolId) {
        return "arn:aws:cognito-identity:us-east-1:000000000000:identitypool/" + poolId;
    }

    @Test
    void createWhenFullConfigurationThenDescribeShowsItAndIdIsRegionColonUuid() {
        CreateIdentityPoolResponse created = fullPool("full configuration");

        assertThat(created.identityPoolId()).matches("us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
                + "-[0-9a-f]{12}");
        DescribeIdentityPoolResponse described = identity.describeIdentityPool(r -> r
                .identityPoolId(created.identityPoolId()));
        assertThat(described.identityPoolName()).isEqualTo("full configuration");
        assertThat(described.allowUnauthenticatedIdentities()).isTrue();
        assertThat(described.allowClassicFlow()).isFalse();
        assertThat(described.supportedLoginProviders())
                .containsExactly(Map.entry("accounts.google.com", "google-app-id.apps.example.com"));
        assertThat(described.cognitoIdentityProviders()).singleElement().satisfies(p -> {
            assertThat(p.providerName()).isEqualTo(USER_POOL_PROVIDER);
            assertThat(p.clientId()).isEqualTo(CLIENT_ID);
            assertThat(p.serverSideTokenCheck()).isTrue();
        });
        assertThat(described.openIdConnectProviderARNs()).containsExactly(OIDC_ARN);
        assertThat(described.samlProviderARNs()).containsExactly(SAML_ARN);
        assertThat(described.identityPoolTags()).containsExactly(Map.entry("team", "identity"));
    }

    @Test
    void updateWhenConfigurationGivenThenItReplacesTheOldAndKeepsTags() {
        String id = fullPool("before update").identityPoolId();

        UpdateIdentityPoolResponse updated = identity.updateIdentityPool(r -> r.identityPoolId(id)
                .identityPoolName("after update").allowUnauthenticatedIdentities(false).allowClassicFlow(true)
                .supportedLoginProviders(Map.of("graph.facebook.com", "1234567890")));

        assertThat(updated.identityPoolName()).isEqualTo("after update");
        DescribeIdentityPoolResponse described = identity.describeIdentityPool(r -> r.identityPoolId(id));
        assertThat(described.identityPoolName()).isEqualTo("after update");
        assertThat(described.allowUnauthenticatedIdentities()).isFalse();
        assertThat(described.allowClassicFlow()).isTrue();
        assertThat(described.supportedLoginProviders()).containsOnlyKeys("graph.facebook.com");
        assertThat(described.cognitoIdentityProviders()).isEmpty();
        assertThat(described.openIdConnectProviderARNs()).isEmpty();
        assertThat(described.samlProviderARNs()).isEmpty();
        assertThat(described.identityPoolTags()).containsExactly(Map.entry("team", "identity"));
    }

    @Test
    void deleteWhenPoolExistsThenDescribeIsResourceNotFoundWith404() {
        String id = fullPool("to delete").identityPoolId();

        identity.deleteIdentityPool(r -> r.identityPoolId(id));

        assertThatThrownBy(() -> identity.describeIdentityPool(r -> r.identityPoolId(id)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(404));
        assertThatThrownBy(() -> identity.deleteIdentityPool(r -> r.identityPoolId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void callsWhenPoolUnknownThenResourceNotFound() {
        String unknown = "us-east-1:" + UUID.randomUUID();

        assertThatThrownBy(() -> identity.describeIdentityPool(r -> r.identityPoolId(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> identity.getIdentityPoolRoles(r -> r.identityPoolId(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> identity.updateIdentityPool(r -> r.identityPoolId(unknown).identityPoolName("x")
                .allowUnauthenticatedIdentities(false))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> identity.listTagsForResource(r -> r.resourceArn(arn(unknown))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listWhenPagedThenEveryPoolOnceAcrossPages() {
        Set<String> created = new HashSet<>();
        IntStream.range(0, 5).forEach(i -> created.add(identity.createIdentityPool(r -> r
                .identityPoolName("paged " + i).allowUnauthenticatedIdentities(false)).identityPoolId()));

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListIdentityPoolsResponse page = identity.listIdentityPools(r -> r.maxResults(2).nextToken(next));
            assertThat(page.identityPools()).hasSizeLessThanOrEqualTo(2);
            page.identityPools().stream().map(IdentityPoolShortDescription::identityPoolId).forEach(seen::add);
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    }

    @Test
    void listWhenMaxResultsOutOfRangeOrTokenForgedThenInvalidParameter() {
        assertThatThrownBy(() -> identity.listIdentityPools(r -> r.maxResults(61)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(400));
        assertThatThrownBy(() -> identity.listIdentityPools(r -> r.maxResults(0)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> identity.listIdentityPools(r -> r.maxResults(10).nextToken("forged")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void createWhenDeveloperProviderNameTakenThenResourceConflictWith409() {
        String developer = "login.example." + UUID.randomUUID().toString().substring(0, 8);
        identity.createIdentityPool(r -> r.identityPoolName("developer one").allowUnauthenticatedIdentities(false)
                .developerProviderName(developer));

        assertThatThrownBy(() -> identity.createIdentityPool(r -> r.identityPoolName("developer two")
                .allowUnauthenticatedIdentities(false).developerProviderName(developer)))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.statusCode())
                        .isEqualTo(409));
    }

    @Test
    void updateWhenDeveloperProviderNameChangedThenInvalidParameter() {
        String developer = "login.example." + UUID.randomUUID().toString().substring(0, 8);
        String id = identity.createIdentityPool(r -> r.identityPoolName("developer fixed")
                .allowUnauthenticatedIdentities(false).developerProviderName(developer)).identityPoolId();

        assertThatThrownBy(() -> identity.updateIdentityPool(r -> r.identityPoolId(id)
                .identityPoolName("developer fixed").allowUnauthenticatedIdentities(false)
                .developerProviderName(developer + ".other"))).isInstanceOf(InvalidParameterException.class);
        assertThat(identity.describeIdentityPool(r -> r.identityPoolId(id)).developerProviderName())
                .isEqualTo(developer);
    }

    @Test
    void setRolesWhenTokenAndRulesMappingsThenGetRolesShowsThem() {
        String id = fullPool("roles").identityPoolId();
        RoleMapping token = RoleMapping.builder().type(RoleMappingType.TOKEN)
                .ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE).build();
        RoleMapping rules = RoleMapping.builder().type(RoleMappingType.RULES)
                .ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY)
                .rulesConfiguration(RulesConfigurationType.builder().rules(MappingRule.builder().claim("hd")
                        .matchType(MappingRuleMatchType.EQUALS).value("example.com").roleARN(ADMINS).build())
                        .build()).build();

        identity.setIdentityPoolRoles(r -> r.identityPoolId(id)
                .roles(Map.of("authenticated", AUTHENTICATED, "unauthenticated", GUEST))
                .roleMappings(Map.of(USER_POOL_PROVIDER + ":" + CLIENT_ID, token, "accounts.google.com", rules)));

        GetIdentityPoolRolesResponse roles = identity.getIdentityPoolRoles(r -> r.identityPoolId(id));
        assertThat(roles.identityPoolId()).isEqualTo(id);
        assertThat(roles.roles()).containsOnly(Map.entry("authenticated", AUTHENTICATED),
                Map.entry("unauthenticated", GUEST));
        assertThat(roles.roleMappings()).containsOnly(Map.entry(USER_POOL_PROVIDER + ":" + CLIENT_ID, token),
                Map.entry("accounts.google.com", rules));
    }

    @Test
    void getRolesWhenNoneSetThenEmpty() {
        String id = fullPool("no roles").identityPoolId();

        GetIdentityPoolRolesResponse roles = identity.getIdentityPoolRoles(r -> r.identityPoolId(id));

        assertThat(roles.roles()).isEmpty();
        assertThat(roles.roleMappings()).isEmpty();
    }

    @Test
    void setRolesWhenMappingInvalidThenInvalidParameterAndRolesUnchanged() {
        String id = fullPool("bad mappings").identityPoolId();
        identity.setIdentityPoolRoles(r -> r.identityPoolId(id).roles(Map.of("authenticated", AUTHENTICATED)));
        MappingRule rule = MappingRule.builder().claim("hd").matchType(MappingRuleMatchType.STARTS_WITH)
                .value("example").roleARN(ADMINS).build();
        RulesConfigurationType oneRule = RulesConfigurationType.builder().rules(rule).build();

        Map<String, RoleMapping> refused = Map.of(
                "an unconfigured provider", RoleMapping.builder().type(RoleMappingType.TOKEN)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY).build(),
                "rules without a configuration", RoleMapping.builder().type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY).build(),
                "rules without ambiguous role resolution", RoleMapping.builder().type(RoleMappingType.RULES)
                        .rulesConfiguration(oneRule).build(),
                "26 rules", RoleMapping.builder().type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY)
                        .rulesConfiguration(RulesConfigurationType.builder()
                                .rules(Collections.nCopies(26, rule)).build()).build(),
                "a rule whose role is no role ARN", RoleMapping.builder().type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY)
                        .rulesConfiguration(RulesConfigurationType.builder().rules(rule.toBuilder()
                                .roleARN("arn:aws:s3:::not-a-role-at-all").build()).build()).build());
        refused.forEach((why, mapping) -> {
            String provider = why.equals("an unconfigured provider") ? "graph.facebook.com" : "accounts.google.com";
            assertThatThrownBy(() -> identity.setIdentityPoolRoles(r -> r.identityPoolId(id)
                    .roles(Map.of("authenticated", GUEST)).roleMappings(Map.of(provider, mapping))))
                    .as(why)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.statusCode())
                            .isEqualTo(400));
        });
        assertThatThrownBy(() -> identity.setIdentityPoolRoles(r -> r.identityPoolId(id)
                .roles(Map.of("authenticated", "not-an-arn-but-long-enough"))))
                .as("a role that is no ARN").isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> identity.setIdentityPoolRoles(r -> r.identityPoolId(id)
                .roles(Map.of("administrators", AUTHENTICATED))))
                .as("a role type other than (un)authenticated").isInstanceOf(InvalidParameterException.class);

        assertThat(identity.getIdentityPoolRoles(r -> r.identityPoolId(id)).roles())
                .containsOnly(Map.entry("authenticated", AUTHENTICATED));
    }

    @Test
    void updateWhenProviderRemovedThenItsRoleMappingGoesWithIt() {
        String id = fullPool("mapping follows provider").identityPoolId();
        RoleMapping token = RoleMapping.builder().type(RoleMappingType.TOKEN)
                .ambiguousRoleResolution(AmbiguousRoleResolutionType.DENY).build();
        identity.setIdentityPoolRoles(r -> r.identityPoolId(id).roles(Map.of("authenticated", AUTHENTICATED))
                .roleMappings(Map.of("accounts.google.com", token, "login.example.com", token)));

        identity.updateIdentityPool(r -> r.identityPoolId(id).identityPoolName("mapping follows provider")
                .allowUnauthenticatedIdentities(true).openIdConnectProviderARNs(OIDC_ARN));

        assertThat(identity.getIdentityPoolRoles(r -> r.identityPoolId(id)).roleMappings())
                .containsOnlyKeys("login.example.com");
    }

    @Test
    void tagsWhenTaggedAndUntaggedThenListShowsTheRest() {
        String id = fullPool("tags").identityPoolId();

        identity.tagResource(r -> r.resourceArn(arn(id)).tags(Map.of("team", "security", "stage", "test")));
        assertThat(identity.listTagsForResource(r -> r.resourceArn(arn(id))).tags())
                .containsOnly(Map.entry("team", "security"), Map.entry("stage", "test"));

        identity.untagResource(r -> r.resourceArn(arn(id)).tagKeys("team", "not-there"));
        assertThat(identity.listTagsForResource(r -> r.resourceArn(arn(id))).tags())
                .containsOnly(Map.entry("stage", "test"));
        assertThat(identity.describeIdentityPool(r -> r.identityPoolId(id)).identityPoolTags())
                .containsOnly(Map.entry("stage", "test"));
    }

    @Test
    void tagsWhenArnMalformedThenInvalidParameter() {
        assertThatThrownBy(() -> identity.listTagsForResource(r -> r
                .resourceArn("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Example01")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void principalTagsWhenSetThenGetShowsThemAndDefaultsReplaceThem() {
        String id = fullPool("principal tags").identityPoolId();

        GetPrincipalTagAttributeMapResponse none = identity.getPrincipalTagAttributeMap(r -> r.identityPoolId(id)
                .identityProviderName(USER_POOL_PROVIDER));
        assertThat(none.useDefaults()).isFalse();
        assertThat(none.principalTags()).isEmpty();

        SetPrincipalTagAttributeMapResponse set = identity.setPrincipalTagAttributeMap(r -> r.identityPoolId(id)
                .identityProviderName(USER_POOL_PROVIDER).useDefaults(false)
                .principalTags(Map.of("department", "custom:department")));
        assertThat(set.principalTags()).containsOnly(Map.entry("department", "custom:department"));
        GetPrincipalTagAttributeMapResponse custom = identity.getPrincipalTagAttributeMap(r -> r.identityPoolId(id)
                .identityProviderName(USER_POOL_PROVIDER));
        assertThat(custom.identityPoolId()).isEqualTo(id);
        assertThat(custom.identityProviderName()).isEqualTo(USER_POOL_PROVIDER);
        assertThat(custom.useDefaults()).isFalse();
        assertThat(custom.principalTags()).containsOnly(Map.entry("department", "custom:department"));

        identity.setPrincipalTagAttributeMap(r -> r.identityPoolId(id).identityProviderName(USER_POOL_PROVIDER)
                .useDefaults(true));
        GetPrincipalTagAttributeMapResponse defaults = identity.getPrincipalTagAttributeMap(r -> r
                .identityPoolId(id).identityProviderName(USER_POOL_PROVIDER));
        assertThat(defaults.useDefaults()).isTrue();
        assertThat(defaults.principalTags()).containsOnly(Map.entry("username", "sub"), Map.entry("client", "aud"));
    }

    @Test
    void principalTagsWhenProviderNotConfiguredThenInvalidParameter() {
        String id = fullPool("principal tags unknown provider").identityPoolId();

        assertThatThrownBy(() -> identity.setPrincipalTagAttributeMap(r -> r.identityPoolId(id)
                .identityProviderName("graph.facebook.com").principalTags(Map.of("a", "b"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void callWhenUnsignedThenMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityService.ListIdentityPools")
                .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":1}")).build());

        assertError(response, 400, "MissingAuthenticationTokenException");
    }

    @Test
    void callWhenSignedForTheUserPoolServiceThenInvalidSignature() throws Exception {
        HttpResponse<String> response = signed("cognito-idp", "AWSCognitoIdentityService.ListIdentityPools",
                "{\"MaxResults\":1}");

        assertError(response, 400, "InvalidSignatureException");
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("'cognito-identity'");
    }

    @Test
    void userPoolCallWhenSignedForTheIdentityServiceThenInvalidSignature() throws Exception {
        HttpResponse<String> response = signed("cognito-identity", "AWSCognitoIdentityProviderService.ListUserPools",
                "{\"MaxResults\":1}");

        assertError(response, 400, "InvalidSignatureException");
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("'cognito-idp'");
    }

    @Test
    void callWhenOperationUnknownThenUnknownOperation() throws Exception {
        // (A known operation not built yet answers UnsupportedOperationException; CognitoWireIT shows it.)
        assertError(signed("cognito-identity", "AWSCognitoIdentityService.NoSuchOperation", "{}"), 400,
                "UnknownOperationException");
    }

    @Test
    void sdkWhenErrorThenItsTypeAndRequestIdReachTheCaller() {
        assertThatThrownBy(() -> identity.describeIdentityPool(r -> r.identityPoolId("us-east-1:"
                + UUID.randomUUID()))).isInstanceOfSatisfying(CognitoIdentityException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    /** A call signed with the admin credential for {@code signingName} by the AWS SDK's own signer. */
    private static HttpResponse<String> signed(String signingName, String target, String body) throws Exception {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(Gatehouse.ENDPOINT.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", target)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET))
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, Gatehouse.REGION.id()));
        HttpRequest.Builder request = HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signed.request().headers().forEach((name, values) -> {
            if (!SET_BY_HTTP_CLIENT.contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return Gatehouse.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("__type").asText()).isEqualTo(type);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
    }
}
