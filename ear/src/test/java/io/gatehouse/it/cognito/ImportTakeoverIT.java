package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Import jobs whose node died: the job rows are left as a node leaves them when it is killed while it runs a job
 * (InProgress or Stopping, its last progress minutes old, a runner that will never write again), written straight
 * into the shared database, as another node of the cluster would find them. The server's watch resumes the first
 * from its last progress and ends the second as Stopped, and leaves alone a job whose runner is alive. On
 * PostgreSQL only: the embedded database takes no second connection while the server holds it.
 */
class ImportTakeoverIT {

    private static final int ROWS = 120;
    private static final int DONE_BY_THE_DEAD_RUN = 50;

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;

    @BeforeAll
    static void pool() {
        assumeTrue(Gatehouse.onPostgres(), "the job rows are written with a second connection, on PostgreSQL only");
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("import-takeover")).userPool().id();
    }

    @AfterAll
    static void close() {
        if (cognito != null) {
            cognito.deleteUserPool(r -> r.userPoolId(poolId));
            cognito.close();
        }
    }

    @Test
    void watchWhenAJobsNodeDiedThenResumedFromItsLastProgressAndALiveRunIsLeftAlone() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("cognito:username,email,email_verified,cognito:mfa_enabled\r\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append(username(tag, i)).append(',').append(username(tag, i)).append("@example.com,true,false\r\n");
        }
        String orphan = uploaded(csv.toString());
        String stopping = uploaded(csv.toString());
        String live = uploaded(csv.toString());
        long tenMinutesAgo = System.currentTimeMillis() - 600_000;
        String deadReport = "row,cognito:username,outcome,reason\r\n7,someone,failed,Written by the run that died.\r\n";
        leftByANode(orphan, "InProgress", "dead-node/1", tenMinutesAgo, DONE_BY_THE_DEAD_RUN - 1, 1, deadReport);
        leftByANode(stopping, "Stopping", "dead-node/2", tenMinutesAgo, 10, 0,
                "row,cognito:username,outcome,reason\r\n");
        // Its runner wrote a moment ago; the server takes a job over after two minutes of silence.
        leftByANode(live, "InProgress", "live-node/1", System.currentTimeMillis(), 0, 0, null);

        UserImportJobType resumed = ImportJobRuns.awaitEnd(cognito, poolId, orphan);

        assertThat(resumed.status()).isEqualTo(UserImportJobStatusType.SUCCEEDED);
        assertThat(resumed.importedUsers()).isEqualTo(ROWS - 1);
        assertThat(resumed.failedUsers()).isEqualTo(1);
        assertThat(ImportJobRuns.get(resumed.preSignedUrl())).contains("Written by the run that died.")
                .containsOnlyOnce("row,cognito:username,outcome,reason");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username(tag, DONE_BY_THE_DEAD_RUN + 1)))
                .username()).isEqualTo(username(tag, DONE_BY_THE_DEAD_RUN + 1));
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username(tag, ROWS))).enabled()).isTrue();
        assertThatThrownBy(() -> cognito.adminGetUser(r -> r.userPoolId(poolId).username(username(tag, 1))))
                .as("the rows the dead run had done are not done again")
                .isInstanceOf(UserNotFoundException.class);

        UserImportJobType stopped = ImportJobRuns.awaitEnd(cognito, poolId, stopping);
        assertThat(stopped.status()).isEqualTo(UserImportJobStatusType.STOPPED);
        assertThat(stopped.importedUsers()).isEqualTo(10);

        assertThat(cognito.describeUserImportJob(r -> r.userPoolId(poolId).jobId(live)).userImportJob().status())
                .isEqualTo(UserImportJobStatusType.IN_PROGRESS);
        assertThat(AtRest.column("SELECT runner FROM user_import_job WHERE job_id = ?", live))
                .isEqualTo("live-node/1");
    }

    private static String username(String tag, int row) {
        return "imported-" + tag + "-" + row;
    }

    private static String uploaded(String csv) throws Exception {
        UserImportJobType job = ImportJobRuns.create(cognito, poolId);
        assertThat(ImportJobRuns.put(job.preSignedUrl(), csv).statusCode()).isEqualTo(200);
        return job.jobId();
    }

    /** The row as a node leaves it: taken by its runner, counts and report as of its last progress, then silence. */
    private static void leftByANode(String jobId, String status, String runner, long heartbeatAt, long imported,
                                    long failed, String report) throws Exception {
        try (Connection db = Gatehouse.database();
             PreparedStatement update = db.prepareStatement("UPDATE user_import_job SET status = ?, started_at = ?,"
                     + " heartbeat_at = ?, runner = ?, imported_users = ?, failed_users = ?, report = ?"
                     + " WHERE job_id = ?")) {
            update.setString(1, status);
            update.setLong(2, heartbeatAt);
            update.setLong(3, heartbeatAt);
            update.setString(4, runner);
            update.setLong(5, imported);
            update.setLong(6, failed);
            update.setString(7, report);
            update.setString(8, jobId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
