package io.gatehouse.engine.cognito.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.imports.ImportJobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateUserImportJob: a job with a pre-signed URL that takes the CSV by HTTP PUT. */
@ApplicationScoped
public class CreateUserImportJob implements CognitoOperation {

    @Inject
    ImportJobs jobs;

    @Override
    public String name() {
        return "CreateUserImportJob";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return ImportShapes.wrapped(jobs.create(request.get("UserPoolId").asText(), request.get("JobName").asText(),
                request.get("CloudWatchLogsRoleArn").asText()));
    }
}
