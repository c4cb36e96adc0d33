package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Drives an import job as a client does: create it, PUT the CSV to its URL, start it, wait for its end. */
final class ImportJobRuns {

    static final String ROLE = "arn:aws:iam::123456789012:role/import";

    private ImportJobRuns() {
    }

    static UserImportJobType create(CognitoIdentityProviderClient cognito, String poolId) {
        return cognito.createUserImportJob(r -> r.userPoolId(poolId).jobName("job-" + UUID.randomUUID())
                .cloudWatchLogsRoleArn(ROLE)).userImportJob();
    }

    static HttpResponse<String> put(String url, String body) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
    }

    static String get(String url) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static UserImportJobType awaitEnd(CognitoIdentityProviderClient cognito, String poolId, String jobId)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            UserImportJobType job = cognito.describeUserImportJob(r -> r.userPoolId(poolId).jobId(jobId))
                    .userImportJob();
            if (List.of(UserImportJobStatusType.SUCCEEDED, UserImportJobStatusType.FAILED,
                    UserImportJobStatusType.STOPPED).contains(job.status())) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not end");
    }

    /** Uploads {@code csv} to a new job of the pool, runs it and returns it ended. */
    static UserImportJobType run(CognitoIdentityProviderClient cognito, String poolId, String csv) throws Exception {
        UserImportJobType job = create(cognito, poolId);
        if (put(job.preSignedUrl(), csv).statusCode() != 200) {
            throw new AssertionError("the upload was refused");
        }
        cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId()));
        return awaitEnd(cognito, poolId, job.jobId());
    }
}
