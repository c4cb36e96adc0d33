package io.gatehouse.engine.cognito.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.imports.ImportJobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** StartUserImportJob: queues a job whose CSV is uploaded. */
@ApplicationScoped
public class StartUserImportJob implements CognitoOperation {

    @Inject
    ImportJobs jobs;

    @Override
    public String name() {
        return "StartUserImportJob";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return ImportShapes.wrapped(jobs.start(request.get("UserPoolId").asText(), request.get("JobId").asText()));
    }
}
