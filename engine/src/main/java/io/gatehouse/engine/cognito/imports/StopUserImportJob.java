package io.gatehouse.engine.cognito.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.imports.ImportJobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** StopUserImportJob: stops a job after the row it is on. */
@ApplicationScoped
public class StopUserImportJob implements CognitoOperation {

    @Inject
    ImportJobs jobs;

    @Override
    public String name() {
        return "StopUserImportJob";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return ImportShapes.wrapped(jobs.stop(request.get("UserPoolId").asText(), request.get("JobId").asText()));
    }
}
