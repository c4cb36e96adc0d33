package io.gatehouse.it.identitypool;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityException;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.DescribeIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.DeveloperUserAlreadyRegisteredException;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentity.model.LookupDeveloperIdentityResponse;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceConflictException;
import software.amazon.awssdk.services.cognitoidentity.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Developer-authenticated identities (LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity,
 * signed with the admin credential) and UnlinkIdentity (unsigned, proven with a user pool's ID token), through the
 * AWS SDK for Java v2's {@link CognitoIdentityClient}. Developer users are registered as a developer's back end
 * registers them, with GetOpenIdTokenForDeveloperIdentity.
 */
class DeveloperIdentitiesIT {


    private static CognitoIdentityProviderClient userPools;
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static String developer;
    private static String userPoolId;
    private static String clientId;
    private static String provider;
    private static String pool;

    @BeforeAll
    static void pools() {
        userPools = Gatehouse.adminClient();
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        userPoolId = userPools.createUserPool(r -> r.poolName("developer-identities")).userPool().id();
        clientId = PoolUsers.passwordClient(userPools, userPoolId, "app");
        provider = "cognito-idp.us-east-1.amazonaws.com/" + userPoolId;
        // Developer provider names are unique among pools, and the suites' database outlives a run.
        developer = "login.example-" + UUID.randomUUID().toString().substring(0, 8) + ".app";
        pool = admin.createIdentityPool(r -> r.identityPoolName("developer identities")
                .allowUnauthenticatedIdentities(false).developerProviderName(developer)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider)
                        .clientId(clientId).build())).identityPoolId();
    }

    @AfterAll
    static void close() {
        userPools.close();
        admin.close();
        anonymous.close();
    }

    /** The identity of a developer user, registered as the developer's back end does. */
    private static String register(String userId) {
        return admin.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of(developer, userId))).identityId();
    }

    private static String user() {
        return "user-" + UUID.randomUUID();
    }

    private static String idTokenOfNewUser() {
        return PoolUsers.idToken(userPools, userPoolId, clientId);
    }

    private static List<String> listed(boolean hideDisabled) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = admin.listIdentities(r -> r.identityPoolId(pool).maxResults(60).hideDisabled(hideDisabled)
                    .nextToken(next));
            page.identities().forEach(i -> ids.add(i.identityId()));
            token = page.nextToken();
        } while (token != null);
        return ids;
    }

    @Test
    void lookupWhenByUserByIdentityOrBothThenTheIdentityAndItsUsers() {
        String alice = user();
        String identityId = register(alice);
        assertThat(register(alice)).as("the same user again, the same identity").isEqualTo(identityId);

        LookupDeveloperIdentityResponse byUser = admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .developerUserIdentifier(alice).maxResults(10));
        assertThat(byUser.identityId()).isEqualTo(identityId);
        assertThat(byUser.developerUserIdentifierList()).containsExactly(alice);
        assertThat(byUser.nextToken()).isNull();
        assertThat(admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(identityId).maxResults(10))
                .developerUserIdentifierList()).containsExactly(alice);
        assertThat(admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(identityId)
                .developerUserIdentifier(alice)).identityId()).isEqualTo(identityId);
        DescribeIdentityResponse described = admin.describeIdentity(r -> r.identityId(identityId));
        assertThat(described.logins()).containsExactly(developer);

        String other = register(user());
        assertThatThrownBy(() -> admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(other)
                .developerUserIdentifier(alice))).isInstanceOf(ResourceConflictException.class);
    }

    @Test
    void lookupWhenTheIdentityHasManyUsersThenEachOnceAcrossPages() {
        String first = user();
        String identityId = register(first);
        List<String> users = new ArrayList<>(List.of(first));
        for (int i = 0; i < 4; i++) {
            String more = user();
            users.add(more);
            assertThat(admin.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool).identityId(identityId)
                    .logins(Map.of(developer, more))).identityId()).isEqualTo(identityId);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            LookupDeveloperIdentityResponse page = admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                    .developerUserIdentifier(first).maxResults(2).nextToken(next));
            assertThat(page.identityId()).isEqualTo(identityId);
            assertThat(page.developerUserIdentifierList()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.developerUserIdentifierList());
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(users);
    }

    @Test
    void registerWhenTheUserHasAnotherIdentityThenDeveloperUserAlreadyRegistered() {
        String alice = user();
        register(alice);
        String bobs = register(user());
        assertThatThrownBy(() -> admin.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(bobs).logins(Map.of(developer, alice))))
                .isInstanceOf(DeveloperUserAlreadyRegisteredException.class);
    }

    @Test
    void mergeWhenTwoDeveloperUsersThenTheSourceJoinsTheDestinationAndItsIdentityIsGone() {
        String source = user();
        String destination = user();
        String sourceIdentity = register(source);
        String destinationIdentity = register(destination);

        assertThat(admin.mergeDeveloperIdentities(r -> r.identityPoolId(pool).developerProviderName(developer)
                .sourceUserIdentifier(source).destinationUserIdentifier(destination)).identityId())
                .isEqualTo(destinationIdentity);

        assertThat(admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool).developerUserIdentifier(source))
                .identityId()).isEqualTo(destinationIdentity);
        assertThat(admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool).identityId(destinationIdentity))
                .developerUserIdentifierList()).containsExactlyInAnyOrder(source, destination);
        assertThatThrownBy(() -> admin.describeIdentity(r -> r.identityId(sourceIdentity)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(register(source)).as("the source user's next sign-in").isEqualTo(destinationIdentity);
        assertThatThrownBy(() -> admin.mergeDeveloperIdentities(r -> r.identityPoolId(pool)
                .developerProviderName(developer).sourceUserIdentifier(user())
                .destinationUserIdentifier(destination))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void unlinkDeveloperIdentityWhenItsLastLoginThenDisabledAndTheUserGetsANewIdentity() {
        String carol = user();
        String identityId = register(carol);

        admin.unlinkDeveloperIdentity(r -> r.identityPoolId(pool).identityId(identityId)
                .developerProviderName(developer).developerUserIdentifier(carol));

        assertThatThrownBy(() -> admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .developerUserIdentifier(carol))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins()).isEmpty();
        assertThat(listed(false)).contains(identityId);
        assertThat(listed(true)).doesNotContain(identityId);
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(identityId)))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("forbidden");
        assertThatThrownBy(() -> admin.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId(identityId).logins(Map.of(developer, carol)))).isInstanceOf(NotAuthorizedException.class);
        assertThat(register(carol)).isNotEqualTo(identityId);
    }

    @Test
    void callsWhenDeveloperProviderNameIsNotThePoolsThenInvalidParameter() {
        assertThatThrownBy(() -> admin.mergeDeveloperIdentities(r -> r.identityPoolId(pool)
                .developerProviderName("login.someone-else.app").sourceUserIdentifier("a")
                .destinationUserIdentifier("b"))).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> admin.unlinkDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId("us-east-1:" + UUID.randomUUID()).developerProviderName("login.someone-else.app")
                .developerUserIdentifier("a"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void callsWhenPoolUnknownThenResourceNotFound() {
        String unknown = "us-east-1:" + UUID.randomUUID();
        assertThatThrownBy(() -> admin.lookupDeveloperIdentity(r -> r.identityPoolId(unknown)
                .developerUserIdentifier("a"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> admin.mergeDeveloperIdentities(r -> r.identityPoolId(unknown)
                .developerProviderName(developer).sourceUserIdentifier("a").destinationUserIdentifier("b")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> admin.unlinkDeveloperIdentity(r -> r.identityPoolId(unknown)
                .identityId("us-east-1:" + UUID.randomUUID()).developerProviderName(developer)
                .developerUserIdentifier("a"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void lookupWhenNeitherIdentityNorUserOrAnUnknownOneThenInvalidParameterOrResourceNotFound() {
        assertThatThrownBy(() -> admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool).maxResults(10)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .developerUserIdentifier(user()))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> admin.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId("us-east-1:" + UUID.randomUUID()))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void developerCallsWhenUnsignedThenRefusedAsTheOtherAdminCalls() {
        assertThatThrownBy(() -> anonymous.lookupDeveloperIdentity(r -> r.identityPoolId(pool)
                .developerUserIdentifier("a"))).isInstanceOfSatisfying(CognitoIdentityException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException"));
        assertThatThrownBy(() -> anonymous.mergeDeveloperIdentities(r -> r.identityPoolId(pool)
                .developerProviderName(developer).sourceUserIdentifier("a").destinationUserIdentifier("b")))
                .isInstanceOfSatisfying(CognitoIdentityException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException"));
        assertThatThrownBy(() -> anonymous.unlinkDeveloperIdentity(r -> r.identityPoolId(pool)
                .identityId("us-east-1:" + UUID.randomUUID()).developerProviderName(developer)
                .developerUserIdentifier("a"))).isInstanceOfSatisfying(CognitoIdentityException.class, e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException"));
    }

    @Test
    void poolWhenDeveloperProviderNameIsAnotherProvidersThenInvalidParameter() {
        for (String name : List.of("cognito-identity.amazonaws.com", "accounts.google.com")) {
            assertThatThrownBy(() -> admin.createIdentityPool(r -> r.identityPoolName("reserved")
                    .allowUnauthenticatedIdentities(false).developerProviderName(name))).as(name)
                    .isInstanceOf(InvalidParameterException.class);
        }
    }

    @Test
    void unlinkIdentityWhenTheUserPoolLoginIsRemovedThenTheSameTokenGetsANewIdentity() {
        String idToken = idTokenOfNewUser();
        Map<String, String> logins = Map.of(provider, idToken);
        String identityId = anonymous.getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
        assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins()).containsExactly(provider);

        anonymous.unlinkIdentity(r -> r.identityId(identityId).logins(logins).loginsToRemove(provider));

        assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins()).isEmpty();
        assertThat(listed(true)).doesNotContain(identityId);
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("forbidden");
        String next = anonymous.getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
        assertThat(next).isNotEqualTo(identityId);
        assertThat(admin.describeIdentity(r -> r.identityId(next)).logins()).containsExactly(provider);
    }

    @Test
    void unlinkIdentityWhenAnotherUsersTokenOrTheDeveloperProviderThenRefused() {
        String idToken = idTokenOfNewUser();
        String identityId = anonymous.getId(r -> r.identityPoolId(pool).logins(Map.of(provider, idToken)))
                .identityId();
        String someoneElse = idTokenOfNewUser();

        assertThatThrownBy(() -> anonymous.unlinkIdentity(r -> r.identityId(identityId)
                .logins(Map.of(provider, someoneElse)).loginsToRemove(provider)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> anonymous.unlinkIdentity(r -> r.identityId(identityId)
                .logins(Map.of(provider, "not-a-token")).loginsToRemove(provider)))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> anonymous.unlinkIdentity(r -> r.identityId(identityId)
                .logins(Map.of(provider, idToken)).loginsToRemove(developer)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins()).containsExactly(provider);
    }

    @Test
    void developerTokenWhenShownAsItsLoginThenCredentialsOfTheAuthenticatedRoleAndCognitosClaims() throws Exception {
        admin.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                .roles(Map.of("authenticated", "arn:aws:iam::123456789012:role/developer-users")));
        String userId = "token-" + UUID.randomUUID();
        var answer = admin.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of(developer, userId)).tokenDuration(3600L).principalTags(Map.of("team", "blue")));

        JWTClaimsSet claims = SignedJWT.parse(answer.token()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(answer.identityId());
        assertThat(claims.getAudience()).containsExactly(pool);
        assertThat(claims.getStringListClaim("amr"))
                .containsExactly("authenticated", developer, developer + ":" + pool + ":" + userId);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000L);
        assertThat(claims.getJSONObjectClaim("https://aws.amazon.com/tags"))
                .containsEntry("principal_tags", Map.of("team", List.of("blue")));

        Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(answer.identityId())
                .logins(Map.of("cognito-identity.amazonaws.com", answer.token()))).credentials();
        try (StsClient sts = Gatehouse.stsClient(credentials.accessKeyId(), credentials.secretKey(),
                credentials.sessionToken())) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/developer-users/CognitoIdentityCredentials");
        }
        assertThat(admin.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of(developer, userId))).identityId()).as("the same user, the same identity")
                .isEqualTo(answer.identityId());
        assertThatThrownBy(() -> admin.getOpenIdTokenForDeveloperIdentity(r -> r.identityPoolId(pool)
                .logins(Map.of("login.elsewhere.app", userId)))).isInstanceOf(InvalidParameterException.class);
    }
}
