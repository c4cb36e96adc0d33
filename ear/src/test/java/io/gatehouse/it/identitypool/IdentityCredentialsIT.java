package io.gatehouse.it.identitypool;

import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.Tampered;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.cognitoidentity.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * From a sign-in to temporary credentials, with AWS's own clients: a guest and a user-pool user get identities
 * (GetId) and credentials (GetCredentialsForIdentity) from an unsigned {@link CognitoIdentityClient}, and AWS's
 * {@link StsClient}, signing with those credentials, asks this server's STS who it is (GetCallerIdentity): the
 * assumed role the pool's roles and role mappings chose. Forged, foreign and signed-out tokens are refused.
 */
class IdentityCredentialsIT {

    private static final String AUTHENTICATED = "arn:aws:iam::123456789012:role/app-users";
    private static final String GUEST = "arn:aws:iam::123456789012:role/app-guests";
    private static final String ADMINS = "arn:aws:iam::123456789012:role/app-admins";

    private static CognitoIdentityProviderClient userPools;
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static String userPoolId;
    private static String clientId;
    private static String otherClientId;
    private static String provider;
    private static String identityPoolId;

    @BeforeAll
    static void pools() {
        userPools = Gatehouse.adminClient();
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        userPoolId = userPools.createUserPool(r -> r.poolName("identity-credentials")).userPool().id();
        clientId = passwordClient("app");
        otherClientId = passwordClient("other-app");
        userPools.createGroup(r -> r.userPoolId(userPoolId).groupName("admins"));
        provider = "cognito-idp.us-east-1.amazonaws.com/" + userPoolId;
        identityPoolId = admin.createIdentityPool(r -> r.identityPoolName("app identities")
                .allowUnauthenticatedIdentities(true)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider).clientId(clientId)
                        .serverSideTokenCheck(true).build())).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId)
                .roles(Map.of("authenticated", AUTHENTICATED, "unauthenticated", GUEST))
                .roleMappings(Map.of(provider + ":" + clientId, software.amazon.awssdk.services.cognitoidentity.model
                        .RoleMapping.builder().type(RoleMappingType.RULES)
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
    }

    private static String passwordClient(String name) {
        return PoolUsers.passwordClient(userPools, userPoolId, name);
    }

    private static String user(String... groups) {
        return PoolUsers.create(userPools, userPoolId, groups);
    }

    private static AuthenticationResultType signIn(String username, String client) {
        return PoolUsers.signIn(userPools, client, username);
    }

    /** AWS's STS client, signing with the credentials, asks who they are. */
    private static GetCallerIdentityResponse whoAmI(Credentials credentials) {
        try (StsClient sts = Gatehouse.stsClient(credentials.accessKeyId(), credentials.secretKey(),
                credentials.sessionToken())) {
            return sts.getCallerIdentity();
        }
    }

    @Test
    void guestWhenThePoolTakesGuestsThenTheUnauthenticatedRole() {
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId)).identityId();
        assertThat(identityId).matches("us-east-1:[0-9a-f-]{36}");
        Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
        assertThat(credentials.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(credentials.expiration()).isAfter(Instant.now().plusSeconds(3000));

        GetCallerIdentityResponse caller = whoAmI(credentials);
        assertThat(caller.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/app-guests/"
                + "CognitoIdentityCredentials");
        assertThat(caller.account()).isEqualTo("123456789012");
        assertThat(caller.userId()).endsWith(":CognitoIdentityCredentials");
        assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins()).isEmpty();
    }

    @Test
    void userWhenSignedInThenOneIdentityAndTheRoleTheRulesOrDefaultGive() {
        String member = user();
        String idToken = signIn(member, clientId).idToken();
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(Map.of(provider, idToken))).identityId();
        assertThat(anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(Map.of(provider, signIn(member, clientId).idToken()))).identityId())
                .as("the same user, signed in again, has the same identity").isEqualTo(identityId);
        Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId)
                .logins(Map.of(provider, idToken))).credentials();
        assertThat(whoAmI(credentials).arn()).contains(":assumed-role/app-users/");
        var described = admin.describeIdentity(r -> r.identityId(identityId));
        assertThat(described.logins()).containsExactly(provider);

        String administrator = user("admins");
        String adminToken = signIn(administrator, clientId).idToken();
        String adminIdentity = anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(Map.of(provider, adminToken))).identityId();
        assertThat(adminIdentity).isNotEqualTo(identityId);
        Credentials adminCredentials = anonymous.getCredentialsForIdentity(r -> r.identityId(adminIdentity)
                .logins(Map.of(provider, adminToken))).credentials();
        assertThat(whoAmI(adminCredentials).arn()).contains(":assumed-role/app-admins/");
        // Another user's token does not open this identity.
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(adminIdentity)
                .logins(Map.of(provider, idToken)))).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void tokenWhenSignedOutWithServerSideTokenCheckThenRefused() {
        String username = user();
        AuthenticationResultType tokens = signIn(username, clientId);
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(Map.of(provider, tokens.idToken()))).identityId();
        userPools.globalSignOut(r -> r.accessToken(tokens.accessToken()));
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(identityId)
                .logins(Map.of(provider, tokens.idToken()))))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("signed out");
    }

    @Test
    void tokensWhenForgedForeignOrNotIdTokensThenRefused() {
        String username = user();
        AuthenticationResultType tokens = signIn(username, clientId);
        String[] parts = tokens.idToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(username, "someone-else").getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + ".";
        for (String token : new String[]{forged, unsigned, tokens.accessToken(), "not-a-jwt",
                signIn(username, otherClientId).idToken()}) {
            assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(identityPoolId)
                    .logins(Map.of(provider, token)))).isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("Invalid login token");
        }
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(Map.of("accounts.google.com", tokens.idToken())))).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void guestsWhenThePoolTakesNoneThenRefusedAndUnknownPoolsAndIdentitiesNotFound() {
        String closed = admin.createIdentityPool(r -> r.identityPoolName("members only")
                .allowUnauthenticatedIdentities(false)).identityPoolId();
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(closed)))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("Unauthenticated access is not supported");
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId("us-east-1:" + UUID.randomUUID())))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId("us-east-1:"
                + UUID.randomUUID()))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void stsWhenTheSignatureOrTokenIsWrongThenRefusedInStsForm() {
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId)).identityId();
        Credentials good = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId)).credentials();
        Credentials wrongSecret = good.toBuilder().secretKey(Tampered.firstCharacter(good.secretKey())).build();
        assertThatThrownBy(() -> whoAmI(wrongSecret)).isInstanceOf(StsException.class)
                .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("SignatureDoesNotMatch"));
        Credentials wrongToken = good.toBuilder().sessionToken(good.sessionToken() + "x").build();
        assertThatThrownBy(() -> whoAmI(wrongToken)).isInstanceOf(StsException.class)
                .satisfies(e -> assertThat(((StsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidClientTokenId"));
    }

    @Test
    void identitiesWhenListedAndDeletedThenGone() {
        String pool = admin.createIdentityPool(r -> r.identityPoolName("listed")
                .allowUnauthenticatedIdentities(true)).identityPoolId();
        String first = anonymous.getId(r -> r.identityPoolId(pool)).identityId();
        String second = anonymous.getId(r -> r.identityPoolId(pool)).identityId();
        var page = admin.listIdentities(r -> r.identityPoolId(pool).maxResults(1));
        assertThat(page.identities()).hasSize(1);
        var rest = admin.listIdentities(r -> r.identityPoolId(pool).maxResults(60).nextToken(page.nextToken()));
        assertThat(rest.identities()).hasSize(1);
        assertThat(java.util.List.of(page.identities().get(0).identityId(), rest.identities().get(0).identityId()))
                .containsExactlyInAnyOrder(first, second);
        admin.deleteIdentities(r -> r.identityIdsToDelete(first));
        assertThatThrownBy(() -> admin.describeIdentity(r -> r.identityId(first)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(admin.listIdentities(r -> r.identityPoolId(pool).maxResults(60)).identities()).hasSize(1);
    }

    @Test
    void callerWhenItCallsFasterThanItsRateThenTooManyRequestsAndOthersStillServed() {
        String pool = admin.createIdentityPool(r -> r.identityPoolName("rated")
                .allowUnauthenticatedIdentities(true)).identityPoolId();
        // The test server believes X-Forwarded-For from 127.0.0.1 (itself exempt from per-caller limits).
        String caller = "192.0.2." + (1 + new java.util.Random().nextInt(254));
        int served = 0;
        TooManyRequestsException refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            try {
                anonymous.getId(r -> r.identityPoolId(pool).overrideConfiguration(o -> o
                        .putHeader("X-Forwarded-For", caller)));
                served++;
            } catch (TooManyRequestsException e) {
                refused = e;
            }
        }
        assertThat(refused).as("one caller's burst is 30 calls").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(served).isBetween(30, 40);
        assertThat(anonymous.getId(r -> r.identityPoolId(pool).overrideConfiguration(o -> o
                .putHeader("X-Forwarded-For", "198.51.100.77"))).identityId()).isNotBlank();
    }
}
