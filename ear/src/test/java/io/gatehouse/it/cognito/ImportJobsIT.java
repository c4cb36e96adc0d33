package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User import jobs: the CSV header, upload to the pre-signed URL, the background run, its counts and report. */
class ImportJobsIT {

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("imports")).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String csv(List<String> header, List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, String> row : rows) {
            out.append(String.join(",", header.stream().map(h -> row.getOrDefault(h, "")).toList())).append("\r\n");
        }
        return out.toString();
    }

    @Test
    void importWhenCsvHasGoodAndBadRowsThenGoodOnesImportedInResetRequiredAndBadOnesReported() throws Exception {
        List<String> header = cognito.getCSVHeader(r -> r.userPoolId(poolId)).csvHeader();
        assertThat(header).contains("email", "email_verified", "phone_number", "cognito:mfa_enabled",
                "cognito:username").doesNotContain("sub");
        String existing = "existing-" + UUID.randomUUID().toString().substring(0, 6);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(existing).messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String csv = csv(header, List.of(
                Map.of("cognito:username", "ann-" + tag, "email", "ann-" + tag + "@example.com",
                        "email_verified", "true", "given_name", "Ann", "cognito:mfa_enabled", "false"),
                Map.of("cognito:username", "bob-" + tag, "phone_number", "+14155550100",
                        "phone_number_verified", "true", "cognito:mfa_enabled", "false"),
                Map.of("cognito:username", "unverified-" + tag, "email", "u-" + tag + "@example.com",
                        "cognito:mfa_enabled", "false"),
                Map.of("cognito:username", "bademail-" + tag, "email", "not-an-address", "email_verified", "true",
                        "cognito:mfa_enabled", "false"),
                Map.of("cognito:username", existing, "email", "e@example.com", "email_verified", "true",
                        "cognito:mfa_enabled", "false")));
        UserImportJobType job = ImportJobRuns.create(cognito, poolId);
        assertThat(job.status()).isEqualTo(UserImportJobStatusType.CREATED);
        assertThat(job.preSignedUrl()).contains("/import-jobs/" + job.jobId());

        assertThat(ImportJobRuns.put(job.preSignedUrl().replace("token=", "token=x"), csv).statusCode())
                .isEqualTo(403);
        assertThat(ImportJobRuns.put(job.preSignedUrl(), csv).statusCode()).isEqualTo(200);
        assertThat(cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId())).userImportJob().status())
                .isIn(UserImportJobStatusType.PENDING, UserImportJobStatusType.IN_PROGRESS,
                        UserImportJobStatusType.SUCCEEDED);
        UserImportJobType done = ImportJobRuns.awaitEnd(cognito, poolId, job.jobId());

        assertThat(done.status()).isEqualTo(UserImportJobStatusType.SUCCEEDED);
        assertThat(done.importedUsers()).isEqualTo(2);
        assertThat(done.skippedUsers()).isEqualTo(1);
        assertThat(done.failedUsers()).isEqualTo(2);
        assertThat(done.completionDate()).isNotNull();
        String report = ImportJobRuns.get(done.preSignedUrl());
        assertThat(report).contains("unverified-" + tag + ",failed").contains("bademail-" + tag + ",failed")
                .contains(existing + ",skipped").doesNotContain("ann-" + tag);

        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("ann-" + tag)).userStatus())
                .isEqualTo(UserStatusType.RESET_REQUIRED);
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username("ann-" + tag)).userAttributes())
                .contains(AttributeType.builder().name("given_name").value("Ann").build());
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "ann-" + tag, "PASSWORD", "Anything-1"))))
                .isInstanceOf(PasswordResetRequiredException.class);
        assertThat(ImportJobRuns.put(job.preSignedUrl(), csv).statusCode()).as("a started job takes no file")
                .isEqualTo(403);
    }

    @Test
    void importWhenHeaderHasUnknownColumnsThenJobFailsAndNothingIsImported() throws Exception {
        UserImportJobType job = ImportJobRuns.create(cognito, poolId);
        ImportJobRuns.put(job.preSignedUrl(), "cognito:username,shoe_size\r\nzed,44\r\n");
        cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId()));

        UserImportJobType done = ImportJobRuns.awaitEnd(cognito, poolId, job.jobId());

        assertThat(done.status()).isEqualTo(UserImportJobStatusType.FAILED);
        assertThat(done.completionMessage()).contains("shoe_size");
        assertThat(cognito.listUsers(r -> r.userPoolId(poolId).filter("username = \"zed\"")).users()).isEmpty();
    }

    @Test
    void jobsWhenNotUploadedOrStoppedThenClearAnswersAndListed() {
        UserImportJobType job = ImportJobRuns.create(cognito, poolId);
        assertThatThrownBy(() -> cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId())))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("No CSV");

        assertThat(cognito.stopUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId())).userImportJob().status())
                .isEqualTo(UserImportJobStatusType.STOPPED);
        assertThatThrownBy(() -> cognito.stopUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId())))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(cognito.listUserImportJobs(r -> r.userPoolId(poolId).maxResults(60)).userImportJobs())
                .extracting(UserImportJobType::jobId).contains(job.jobId());
    }
}
