package io.gatehouse.engine.cognito.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.imports.ImportJobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeUserImportJob: a job with its status and counts. */
@ApplicationScoped
public class DescribeUserImportJob implements CognitoOperation {

    @Inject
    ImportJobs jobs;

    @Override
    public String name() {
        return "DescribeUserImportJob";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return ImportShapes.wrapped(jobs.describe(request.get("UserPoolId").asText(), request.get("JobId").asText()));
    }
}
