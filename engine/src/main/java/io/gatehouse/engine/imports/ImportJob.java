package io.gatehouse.engine.imports;

/**
 * A user import job ({@code UserImportJobType}); times in epoch milliseconds, null until they happen.
 *
 * @param preSignedUrl where the CSV is uploaded (HTTP PUT) and, once the job ends, where its per-row report is read
 *                     (HTTP GET)
 */
public record ImportJob(String jobId, String userPoolId, String jobName, String roleArn, String preSignedUrl,
                        Status status, long createdAt, Long startedAt, Long completedAt, long importedUsers,
                        long skippedUsers, long failedUsers, String completionMessage) {

    /** Cognito's job states, spelled as on the wire. */
    public enum Status {
        Created, Pending, InProgress, Stopping, Expired, Stopped, Failed, Succeeded;

        /** Whether the job has ended. */
        public boolean ended() {
            return this == Expired || this == Stopped || this == Failed || this == Succeeded;
        }
    }
}
