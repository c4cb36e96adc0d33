package io.gatehouse.it.cognito;

import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.it.Gatehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No lock-in: a pool's users leave with their password hashes, groups and attributes through the streamed admin
 * export, and arrive in another pool through an import job with the same file, keeping their passwords and subs;
 * hashes made by other systems import too and are replaced at the first sign-in.
 */
class TransferIT {

    /** The password the foreign vectors in {@code PasswordHashesTest} were made from, by the real libraries. */
    private static final String FOREIGN_PASSWORD = "Fj0rd-välkommen!";
    private static final String PASSWORD = "Moving-House-1";

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String exportPath(String poolId) {
        return "/admin/user-pools/" + poolId + "/users";
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
            return rows;
        }
    }

    private static Map<String, String> byUser(List<Map<String, String>> rows, String username) {
        return rows.stream().filter(r -> username.equals(r.get("cognito:username"))).findFirst().orElseThrow();
    }

    private static AdminInitiateAuthResponse signIn(String poolId, String clientId, String username, String password) {
        return cognito.adminInitiateAuth(r -> r.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    @Test
    void exportThenImportElsewhereWhenUsersHaveHashesGroupsAndStatesThenTheyKeepThem() throws Exception {
        String source = cognito.createUserPool(r -> r.poolName("leaving")).userPool().id();
        cognito.createGroup(r -> r.userPoolId(source).groupName("admins").precedence(1));
        cognito.createGroup(r -> r.userPoolId(source).groupName("staff").precedence(5));
        cognito.adminCreateUser(r -> r.userPoolId(source).username("alice").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1").userAttributes(
                        AttributeType.builder().name("email").value("alice@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build(),
                        AttributeType.builder().name("given_name").value("Alice, \"Al\"").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(source).username("alice").password(PASSWORD).permanent(true));
        cognito.adminAddUserToGroup(r -> r.userPoolId(source).username("alice").groupName("staff"));
        cognito.adminAddUserToGroup(r -> r.userPoolId(source).username("alice").groupName("admins"));
        cognito.adminCreateUser(r -> r.userPoolId(source).username("bob").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-2"));
        cognito.adminSetUserPassword(r -> r.userPoolId(source).username("bob").password(PASSWORD).permanent(true));
        cognito.adminDisableUser(r -> r.userPoolId(source).username("bob"));
        cognito.adminCreateUser(r -> r.userPoolId(source).username("carl").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-3"));
        String aliceSub = cognito.adminGetUser(r -> r.userPoolId(source).username("alice")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

        HttpResponse<String> export = RawCall.signedGet(exportPath(source), Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> header = new ArrayList<>(cognito.getCSVHeader(r -> r.userPoolId(source)).csvHeader());
        header.addAll(List.of("gatehouse:sub", "gatehouse:user_status", "gatehouse:enabled", "gatehouse:groups",
                "gatehouse:password_hash"));
        assertThat(export.body().lines().findFirst().orElseThrow()).isEqualTo(String.join(",", header));
        List<Map<String, String>> rows = rows(export.body());
        assertThat(rows).hasSize(3);
        Map<String, String> alice = byUser(rows, "alice");
        assertThat(alice).containsEntry("gatehouse:sub", aliceSub).containsEntry("gatehouse:user_status", "CONFIRMED")
                .containsEntry("gatehouse:enabled", "true").containsEntry("gatehouse:groups", "[\"admins\",\"staff\"]")
                .containsEntry("given_name", "Alice, \"Al\"").containsEntry("email", "alice@example.com");
        assertThat(alice.get("gatehouse:password_hash")).startsWith("$argon2id$").doesNotContain(PASSWORD);
        assertThat(byUser(rows, "bob")).containsEntry("gatehouse:enabled", "false");
        assertThat(byUser(rows, "carl")).containsEntry("gatehouse:user_status", "FORCE_CHANGE_PASSWORD");

        // Subs are unique on a server: the source pool goes before its users arrive in the target.
        cognito.deleteUserPool(r -> r.userPoolId(source));
        String target = cognito.createUserPool(r -> r.poolName("arriving")).userPool().id();
        String clientId = Clients.passwordClient(cognito, target);
        cognito.createGroup(r -> r.userPoolId(target).groupName("admins").precedence(1));
        cognito.createGroup(r -> r.userPoolId(target).groupName("staff").precedence(5));

        UserImportJobType done = ImportJobRuns.run(cognito, target, export.body());

        assertThat(done.status()).isEqualTo(UserImportJobStatusType.SUCCEEDED);
        assertThat(done.importedUsers()).isEqualTo(3);
        AuthenticationResultType tokens = signIn(target, clientId, "alice", PASSWORD).authenticationResult();
        var id = SignedJWT.parse(tokens.idToken()).getJWTClaimsSet();
        assertThat(id.getSubject()).isEqualTo(aliceSub);
        assertThat(id.getStringListClaim("cognito:groups")).containsExactly("admins", "staff");
        assertThat(id.getStringClaim("given_name")).isEqualTo("Alice, \"Al\"");
        assertThatThrownBy(() -> signIn(target, clientId, "bob", PASSWORD)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("disabled");
        assertThat(signIn(target, clientId, "carl", "Temporary-Pass-3").challengeName())
                .isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
    }

    @Test
    void importWhenHashesComeFromOtherFrameworksThenPasswordsWorkAndAreRehashedOnlyOnSuccess() throws Exception {
        String poolId = cognito.createUserPool(r -> r.poolName("migrating")).userPool().id();
        String clientId = Clients.passwordClient(cognito, poolId);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> foreign = new LinkedHashMap<>();
        foreign.put("rails-" + tag, "$2y$05$gxupqXs1McDUHXSENqIR8.eDxIck2E9TutWg.NwP4NyQjRygT1vJe");
        foreign.put("spring-" + tag, "{bcrypt}$2b$05$whLzb2WUws11BnIfA4wvd.MhUfJmAH1lijsmSn/YGJ7YHwMUek0t6");
        foreign.put("django-" + tag, "pbkdf2_sha256$1200$u7ZQ3yk1Xr9pLm2S$ijiashF5tw8EosrXx4fiA2DmMdwQVAtaZNMsKv+0gnw=");
        foreign.put("flask-" + tag,
                "pbkdf2:sha256:1000$jINQaQyal4cJmKxw$2b3a7dca79152e3305bf345eaf4261d85fe37788ce4d5651fd23b9c5039088d4");
        foreign.put("ldap-" + tag, "{SSHA256}7ACUq8NaPwGKryG5xdaHgVKQILBjwhn5IFo09zklvnoBAgMEBQYHCA==");
        StringBuilder csv = new StringBuilder("cognito:username,email,gatehouse:password_hash,gatehouse:groups\r\n");
        foreign.forEach((user, hash) -> csv.append(user).append(',').append(user).append("@example.com,")
                .append(hash).append(",\r\n"));
        csv.append("md5-").append(tag).append(",,5f4dcc3b5aa765d61d8327deb882cf99,\r\n");
        csv.append("grouped-").append(tag).append(",,").append(foreign.get("ldap-" + tag))
                .append(",\"[\"\"no-such-group\"\"]\"\r\n");

        UserImportJobType done = ImportJobRuns.run(cognito, poolId, csv.toString());

        assertThat(done.importedUsers()).isEqualTo(5);
        assertThat(done.failedUsers()).isEqualTo(2);
        String report = ImportJobRuns.get(done.preSignedUrl());
        assertThat(report).contains("md5-" + tag + ",failed,\"gatehouse:password_hash: the password hash is in no scheme")
                .contains("no-such-group").doesNotContain("5f4dcc3b");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("django-" + tag)).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);

        assertThatThrownBy(() -> signIn(poolId, clientId, "flask-" + tag, "fj0rd-välkommen!"))
                .isInstanceOf(NotAuthorizedException.class);
        for (String user : foreign.keySet()) {
            assertThat(signIn(poolId, clientId, user, FOREIGN_PASSWORD).authenticationResult().idToken()).isNotNull();
        }

        Map<String, String> hashes = new HashMap<>();
        rows(RawCall.signedGet(exportPath(poolId), Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET).body())
                .forEach(r -> hashes.put(r.get("cognito:username"), r.get("gatehouse:password_hash")));
        assertThat(hashes).hasSize(5);
        assertThat(hashes.values()).allSatisfy(h -> assertThat(h).startsWith("$argon2id$"));
        // Signed in with the new hash, too.
        assertThat(signIn(poolId, clientId, "ldap-" + tag, FOREIGN_PASSWORD).authenticationResult()).isNotNull();
    }

    @Test
    void exportWhenUnsignedWrongKeyOrUnknownPoolThenCognitoErrorsAndNoUsers() {
        String poolId = cognito.createUserPool(r -> r.poolName("guarded")).userPool().id();

        HttpResponse<String> wrongKey = RawCall.signedGet(exportPath(poolId), Gatehouse.ADMIN_KEY, "not-the-secret");
        assertThat(wrongKey.statusCode()).isIn(400, 403);
        assertThat(wrongKey.body()).contains("\"__type\"").contains("InvalidSignatureException");
        HttpResponse<String> unknown = RawCall.signedGet(exportPath("us-east-1_Nope12345"), Gatehouse.ADMIN_KEY,
                Gatehouse.ADMIN_SECRET);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("ResourceNotFoundException");
        HttpResponse<String> unsigned = RawCall.unsignedGet(exportPath(poolId));
        assertThat(unsigned.statusCode()).isIn(400, 403);
        assertThat(unsigned.body()).contains("MissingAuthenticationTokenException").doesNotContain("cognito:username");
    }

    /**
     * OWASP's CSV injection guidance: a cell a spreadsheet would read as a formula (=, +, -, @, tab, CR first) is
     * written with a leading apostrophe, and an import of the file takes the apostrophe off again.
     */
    @Test
    void exportWhenValuesStartLikeFormulasThenNeutralisedAndImportRestoresThem() throws Exception {
        String source = cognito.createUserPool(r -> r.poolName("formulas")).userPool().id();
        String formula = "=HYPERLINK(\"http://evil.example\",\"Click\")";
        String quoted = "'=already quoted";
        cognito.adminCreateUser(r -> r.userPoolId(source).username("formula").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1").userAttributes(
                        AttributeType.builder().name("given_name").value(formula).build(),
                        AttributeType.builder().name("family_name").value(quoted).build(),
                        AttributeType.builder().name("middle_name").value("@SUM(A1)").build(),
                        AttributeType.builder().name("nickname").value("plain").build(),
                        AttributeType.builder().name("phone_number").value("+14155550100").build()));

        HttpResponse<String> export = RawCall.signedGet(exportPath(source), Gatehouse.ADMIN_KEY, Gatehouse.ADMIN_SECRET);

        Map<String, String> row = byUser(rows(export.body()), "formula");
        assertThat(row).containsEntry("given_name", "'" + formula).containsEntry("family_name", "'" + quoted)
                .containsEntry("middle_name", "'@SUM(A1)").containsEntry("nickname", "plain")
                .containsEntry("phone_number", "'+14155550100");
        assertThat(export.body()).doesNotContain("," + formula).doesNotContain(",\"" + formula.replace("\"", "\"\""));

        cognito.deleteUserPool(r -> r.userPoolId(source));
        String target = cognito.createUserPool(r -> r.poolName("formulas-arrive")).userPool().id();
        UserImportJobType done = ImportJobRuns.run(cognito, target, export.body());

        assertThat(done.importedUsers()).isEqualTo(1);
        Map<String, String> attributes = new HashMap<>();
        cognito.adminGetUser(r -> r.userPoolId(target).username("formula")).userAttributes()
                .forEach(a -> attributes.put(a.name(), a.value()));
        assertThat(attributes).containsEntry("given_name", formula).containsEntry("family_name", quoted)
                .containsEntry("middle_name", "@SUM(A1)").containsEntry("nickname", "plain")
                .containsEntry("phone_number", "+14155550100");
    }
}
