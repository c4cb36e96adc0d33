package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeletionProtectionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolClientsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool and app-client management operations, driven by the AWS SDK for Java v2. */
class UserPoolApiIT {

    private static CognitoIdentityProviderClient cognito;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void createUserPoolWhenMinimalThenCognitoDefaultsAndIdFormat() {
        Instant before = Instant.now().minusSeconds(1);
        UserPoolType pool = cognito.createUserPool(r -> r.poolName("minimal-" + run)).userPool();

        assertThat(pool.id()).matches("us-east-1_[0-9A-Za-z]{9}");
        assertThat(pool.name()).isEqualTo("minimal-" + run);
        assertThat(pool.arn()).isEqualTo("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + pool.id());
        assertThat(pool.creationDate()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(8);
        assertThat(pool.policies().passwordPolicy().requireSymbols()).isTrue();
        assertThat(pool.policies().passwordPolicy().temporaryPasswordValidityDays()).isEqualTo(7);
        assertThat(pool.mfaConfigurationAsString()).isEqualTo("OFF");
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.INACTIVE);
        assertThat(pool.schemaAttributes()).extracting(SchemaAttributeType::name)
                .contains("sub", "email", "email_verified", "phone_number", "updated_at");
        assertThat(pool.adminCreateUserConfig().allowAdminCreateUserOnly()).isFalse();
    }

    @Test
    void describeUserPoolWhenCreatedWithSettingsThenReturnsThem() {
        String id = cognito.createUserPool(r -> r.poolName("full-" + run)
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(12).requireNumbers(true)))
                .schema(SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING)
                                .stringAttributeConstraints(c -> c.minLength("1").maxLength("16")).build(),
                        SchemaAttributeType.builder().name("email").required(true).build())
                .userPoolTags(java.util.Map.of("team", "identity"))).userPool().id();

        UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(id)).userPool();

        assertThat(pool.usernameAttributes()).containsExactly(UsernameAttributeType.EMAIL);
        assertThat(pool.autoVerifiedAttributes()).containsExactly(VerifiedAttributeType.EMAIL);
        assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(12);
        assertThat(pool.policies().passwordPolicy().requireUppercase()).isFalse();
        assertThat(pool.userPoolTags()).containsEntry("team", "identity");
        SchemaAttributeType tier = attribute(pool, "custom:tier");
        assertThat(tier.attributeDataType()).isEqualTo(AttributeDataType.STRING);
        assertThat(tier.stringAttributeConstraints().maxLength()).isEqualTo("16");
        assertThat(attribute(pool, "email").required()).isTrue();
    }

    @Test
    void updateUserPoolWhenMembersLeftOutThenTheyReturnToDefaultsAndCreationOnlyMembersStay() {
        String id = cognito.createUserPool(r -> r.poolName("update-" + run)
                .aliasAttributes(AliasAttributeType.EMAIL)
                .mfaConfiguration("OFF")
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(20)))).userPool().id();

        cognito.updateUserPool(r -> r.userPoolId(id).deletionProtection(DeletionProtectionType.ACTIVE)
                .poolName("renamed-" + run));
        UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(id)).userPool();

        assertThat(pool.name()).isEqualTo("renamed-" + run);
        assertThat(pool.deletionProtection()).isEqualTo(DeletionProtectionType.ACTIVE);
        assertThat(pool.policies().passwordPolicy().minimumLength()).isEqualTo(8);
        assertThat(pool.aliasAttributes()).containsExactly(AliasAttributeType.EMAIL);
        assertThat(pool.lastModifiedDate()).isAfterOrEqualTo(pool.creationDate());
    }

    @Test
    void deleteUserPoolWhenProtectedThenRefusedAndWhenUnprotectedThenGoneWithItsClients() {
        String id = cognito.createUserPool(r -> r.poolName("delete-" + run)
                .deletionProtection(DeletionProtectionType.ACTIVE)).userPool().id();
        String clientId = cognito.createUserPoolClient(r -> r.userPoolId(id).clientName("c")).userPoolClient()
                .clientId();

        assertThatThrownBy(() -> cognito.deleteUserPool(r -> r.userPoolId(id)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("deletion protection");

        cognito.updateUserPool(r -> r.userPoolId(id).deletionProtection(DeletionProtectionType.INACTIVE));
        cognito.deleteUserPool(r -> r.userPoolId(id));

        assertThatThrownBy(() -> cognito.describeUserPool(r -> r.userPoolId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.describeUserPoolClient(r -> r.userPoolId(id).clientId(clientId)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listUserPoolsWhenPagedThenEveryPoolOnceInStableOrder() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            created.add(cognito.createUserPool(r -> r.poolName("list-" + run + "-" + n)).userPool().id());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListUserPoolsResponse page = cognito.listUserPools(r -> r.maxResults(2).nextToken(next));
            assertThat(page.userPools()).hasSizeLessThanOrEqualTo(2);
            page.userPools().stream().map(UserPoolDescriptionType::id).forEach(seen::add);
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10_000);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
        assertThat(seen).isSorted();
    }

    @Test
    void listUserPoolsWhenMaxResultsMissingOrTooLargeThenInvalidParameter() {
        assertThatThrownBy(() -> cognito.listUserPools(r -> r.maxResults(61)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Value '61' at 'maxResults' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 60");
        assertThatThrownBy(() -> cognito.listUserPools(r -> r.nextToken("not-a-token").maxResults(5)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void createUserPoolWhenInvalidThenInvalidParameterAndNothingWritten() {
        String name = "x".repeat(129);
        assertThatThrownBy(() -> cognito.createUserPool(r -> r.poolName(name)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'poolName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 128");
        String both = "both-" + run;
        assertThatThrownBy(() -> cognito.createUserPool(r -> r.poolName(both)
                .aliasAttributes(AliasAttributeType.EMAIL).usernameAttributes(UsernameAttributeType.EMAIL)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Only one of the aliasAttributes or usernameAttributes");
        assertThatThrownBy(() -> cognito.createUserPool(r -> r.poolName("required-custom-" + run)
                .schema(SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING)
                        .required(true).build())))
                .isInstanceOf(InvalidParameterException.class);

        assertThat(allPoolNames()).doesNotContain(both, "required-custom-" + run);
    }

    @Test
    void describeUserPoolWhenUnknownThenResourceNotFound() {
        assertThatThrownBy(() -> cognito.describeUserPool(r -> r.userPoolId("us-east-1_NoSuchPoo")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((CognitoIdentityProviderException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void createUserPoolClientWhenGenerateSecretThenSecretAndDefaults() {
        String pool = cognito.createUserPool(r -> r.poolName("clients-" + run)).userPool().id();

        CreateUserPoolClientResponse created = cognito.createUserPoolClient(r -> r.userPoolId(pool)
                .clientName("web").generateSecret(true));
        UserPoolClientType client = created.userPoolClient();

        assertThat(client.clientId()).matches("[a-z0-9]{26}");
        assertThat(client.clientSecret()).matches("[a-z0-9]{51}");
        assertThat(client.userPoolId()).isEqualTo(pool);
        assertThat(client.refreshTokenValidity()).isEqualTo(30);
        assertThat(client.tokenValidityUnits().refreshToken()).isEqualTo(TimeUnitsType.DAYS);
        assertThat(client.preventUserExistenceErrors()).isEqualTo(PreventUserExistenceErrorTypes.ENABLED);
        assertThat(client.enableTokenRevocation()).isTrue();

        UserPoolClientType described = cognito.describeUserPoolClient(r -> r.userPoolId(pool)
                .clientId(client.clientId())).userPoolClient();
        assertThat(described.clientSecret()).isEqualTo(client.clientSecret());
        assertThat(described.creationDate()).isEqualTo(client.creationDate());
    }

    @Test
    void updateUserPoolClientWhenFieldsLeftOutThenDefaultsAndSecretKept() {
        String pool = cognito.createUserPool(r -> r.poolName("client-update-" + run)).userPool().id();
        UserPoolClientType client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app")
                .generateSecret(true).accessTokenValidity(2).explicitAuthFlows(
                        ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient();
        assertThat(client.accessTokenValidity()).isEqualTo(2);
        assertThat(client.tokenValidityUnits().accessToken()).isEqualTo(TimeUnitsType.HOURS);

        UserPoolClientType updated = cognito.updateUserPoolClient(r -> r.userPoolId(pool)
                .clientId(client.clientId()).clientName("renamed")).userPoolClient();

        assertThat(updated.clientName()).isEqualTo("renamed");
        assertThat(updated.clientSecret()).isEqualTo(client.clientSecret());
        assertThat(updated.accessTokenValidity()).isEqualTo(60);
        assertThat(updated.explicitAuthFlows()).containsExactlyInAnyOrder(ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_CUSTOM_AUTH);
    }

    @Test
    void createUserPoolClientWhenInvalidThenInvalidParameter() {
        String pool = cognito.createUserPool(r -> r.poolName("client-invalid-" + run)).userPool().id();

        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("c")
                .accessTokenValidity(2).tokenValidityUnits(u -> u.accessToken(TimeUnitsType.DAYS))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("AccessTokenValidity");
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("c")
                .explicitAuthFlows(ExplicitAuthFlowsType.USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("ExplicitAuthFlows");
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("c")
                .readAttributes("custom:nope")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("custom:nope");
        cognito.createResourceServer(r -> r.userPoolId(pool).identifier("x").name("x")
                .scopes(sc -> sc.scopeName("y").scopeDescription("y")));
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("c")
                .allowedOAuthFlowsWithStrings("client_credentials").allowedOAuthScopes("x/y")
                .allowedOAuthFlowsUserPoolClient(true)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("client secret");
        assertThatThrownBy(() -> cognito.createUserPoolClient(r -> r.userPoolId("us-east-1_NoSuchPoo")
                .clientName("c"))).isInstanceOf(ResourceNotFoundException.class);

        assertThat(cognito.listUserPoolClients(r -> r.userPoolId(pool)).userPoolClients()).isEmpty();
    }

    @Test
    void listUserPoolClientsWhenPagedThenAllClientsOfThatPoolOnly() {
        String pool = cognito.createUserPool(r -> r.poolName("client-list-" + run)).userPool().id();
        String other = cognito.createUserPool(r -> r.poolName("client-list-other-" + run)).userPool().id();
        cognito.createUserPoolClient(r -> r.userPoolId(other).clientName("elsewhere"));
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("c")).userPoolClient()
                    .clientId());
        }

        List<String> seen = new ArrayList<>();
        ListUserPoolClientsResponse page = cognito.listUserPoolClients(r -> r.userPoolId(pool).maxResults(2));
        page.userPoolClients().stream().map(UserPoolClientDescription::clientId).forEach(seen::add);
        assertThat(page.nextToken()).isNotNull();
        String token = page.nextToken();
        page = cognito.listUserPoolClients(r -> r.userPoolId(pool).maxResults(2).nextToken(token));
        page.userPoolClients().stream().map(UserPoolClientDescription::clientId).forEach(seen::add);

        assertThat(page.nextToken()).isNull();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);

        cognito.deleteUserPoolClient(r -> r.userPoolId(pool).clientId(seen.get(0)));
        assertThat(cognito.listUserPoolClients(r -> r.userPoolId(pool)).userPoolClients()).hasSize(2);
    }

    private List<String> allPoolNames() {
        List<String> names = new ArrayList<>();
        String token = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        do {
            String next = token;
            ListUserPoolsResponse page = cognito.listUserPools(r -> r.maxResults(60).nextToken(next));
            page.userPools().forEach(p -> names.add(p.name()));
            token = page.nextToken();
        } while (token != null && Instant.now().isBefore(deadline));
        return names;
    }

    private static SchemaAttributeType attribute(UserPoolType pool, String name) {
        return pool.schemaAttributes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }
}
