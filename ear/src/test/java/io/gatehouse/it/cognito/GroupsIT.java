package io.gatehouse.it.cognito;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Groups: their operations, their members, and the claims they put in tokens. */
class GroupsIT {

    private static final String PASSWORD = "Groups-Pass-1";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("groups")).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String user() {
        String username = "g-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    private static String group(String role, Integer precedence) {
        String name = "grp-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.createGroup(r -> r.userPoolId(poolId).groupName(name).roleArn(role).precedence(precedence));
        return name;
    }

    private static AuthenticationResultType signIn(String username) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
    }

    private static JWTClaimsSet claims(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }

    @Test
    void groupLifecycleWhenCreatedUpdatedAndDeletedThenGetReflectsEachStep() {
        String name = "team-" + UUID.randomUUID().toString().substring(0, 8);

        GroupType created = cognito.createGroup(r -> r.userPoolId(poolId).groupName(name).description("The team")
                .roleArn("arn:aws:iam::123456789012:role/team").precedence(3)).group();

        assertThat(created.groupName()).isEqualTo(name);
        assertThat(created.precedence()).isEqualTo(3);
        assertThat(created.creationDate()).isNotNull();
        assertThatThrownBy(() -> cognito.createGroup(r -> r.userPoolId(poolId).groupName(name)))
                .isInstanceOf(GroupExistsException.class);

        GroupType updated = cognito.updateGroup(r -> r.userPoolId(poolId).groupName(name).description("Renamed"))
                .group();
        assertThat(updated.description()).isEqualTo("Renamed");
        assertThat(updated.roleArn()).as("left out, so cleared").isNull();
        assertThat(cognito.getGroup(r -> r.userPoolId(poolId).groupName(name)).group().description())
                .isEqualTo("Renamed");

        cognito.deleteGroup(r -> r.userPoolId(poolId).groupName(name));
        assertThatThrownBy(() -> cognito.getGroup(r -> r.userPoolId(poolId).groupName(name)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listGroupsWhenPagedThenEveryGroupOnceInNameOrder() {
        String pool = cognito.createUserPool(r -> r.poolName("group-pages")).userPool().id();
        for (String name : List.of("delta", "alpha", "charlie", "bravo", "echo")) {
            cognito.createGroup(r -> r.userPoolId(pool).groupName(name));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListGroupsResponse page = cognito.listGroups(r -> r.userPoolId(pool).limit(2).nextToken(next));
            page.groups().forEach(g -> seen.add(g.groupName()));
            token = page.nextToken();
        } while (token != null);

        assertThat(seen).containsExactly("alpha", "bravo", "charlie", "delta", "echo");
    }

    @Test
    void membersWhenAddedThenListedBothWaysAndTokensCarryGroupsAndRoles() throws Exception {
        String username = user();
        String admins = group("arn:aws:iam::123456789012:role/admin", 1);
        String staff = group("arn:aws:iam::123456789012:role/staff", 5);
        String plain = group(null, null);
        for (String g : List.of(staff, admins, plain)) {
            cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).groupName(g).username(username));
        }
        cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).groupName(admins).username(username));

        assertThat(cognito.adminListGroupsForUser(r -> r.userPoolId(poolId).username(username)).groups())
                .extracting(GroupType::groupName).containsExactlyInAnyOrder(admins, staff, plain);
        assertThat(cognito.listUsersInGroup(r -> r.userPoolId(poolId).groupName(admins)).users())
                .extracting(UserType::username).containsExactly(username);

        AuthenticationResultType tokens = signIn(username);
        JWTClaimsSet id = claims(tokens.idToken());
        assertThat(id.getStringListClaim("cognito:groups")).containsExactly(admins, staff, plain);
        assertThat(id.getStringListClaim("cognito:roles")).containsExactly(
                "arn:aws:iam::123456789012:role/admin", "arn:aws:iam::123456789012:role/staff");
        assertThat(id.getStringClaim("cognito:preferred_role")).isEqualTo("arn:aws:iam::123456789012:role/admin");
        assertThat(claims(tokens.accessToken()).getStringListClaim("cognito:groups"))
                .containsExactly(admins, staff, plain);

        cognito.adminRemoveUserFromGroup(r -> r.userPoolId(poolId).groupName(admins).username(username));
        JWTClaimsSet refreshed = claims(cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken()))).authenticationResult().idToken());
        assertThat(refreshed.getStringListClaim("cognito:groups")).containsExactly(staff, plain);
        assertThat(refreshed.getStringClaim("cognito:preferred_role"))
                .isEqualTo("arn:aws:iam::123456789012:role/staff");
    }

    @Test
    void membershipWhenUserOrGroupIsUnknownOrUserDeletedThenErrorsAndNoLeftovers() throws Exception {
        String username = user();
        String team = group(null, null);
        assertThatThrownBy(() -> cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).groupName("no-such-group")
                .username(username))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).groupName(team)
                .username("no-such-user"))).isInstanceOf(UserNotFoundException.class);

        cognito.adminAddUserToGroup(r -> r.userPoolId(poolId).groupName(team).username(username));
        cognito.adminDeleteUser(r -> r.userPoolId(poolId).username(username));

        assertThat(cognito.listUsersInGroup(r -> r.userPoolId(poolId).groupName(team)).users()).isEmpty();
        String other = user();
        assertThat(claims(signIn(other).idToken()).getClaim("cognito:groups")).as("no groups, no claim").isNull();
    }
}
