package io.gatehouse.engine.cognito.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.imports.ImportJob;
import io.gatehouse.engine.json.Json;

import java.time.Instant;

/** {@code UserImportJobType}. */
final class ImportShapes {

    private ImportShapes() {
    }

    static ObjectNode job(ImportJob job) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("JobName", job.jobName())
                .put("JobId", job.jobId())
                .put("UserPoolId", job.userPoolId())
                .put("PreSignedUrl", job.preSignedUrl())
                .put("CreationDate", Json.epochSeconds(Instant.ofEpochMilli(job.createdAt())))
                .put("Status", job.status().name())
                .put("CloudWatchLogsRoleArn", job.roleArn())
                .put("ImportedUsers", job.importedUsers())
                .put("SkippedUsers", job.skippedUsers())
                .put("FailedUsers", job.failedUsers());
        if (job.startedAt() != null) {
            out.put("StartDate", Json.epochSeconds(Instant.ofEpochMilli(job.startedAt())));
        }
        if (job.completedAt() != null) {
            out.put("CompletionDate", Json.epochSeconds(Instant.ofEpochMilli(job.completedAt())));
        }
        if (job.completionMessage() != null) {
            out.put("CompletionMessage", job.completionMessage());
        }
        return out;
    }

    static ObjectNode wrapped(ImportJob job) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("UserImportJob", job(job));
        return response;
    }
}
