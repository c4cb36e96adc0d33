package io.gatehouse.engine.cognito.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.imports.ImportJobs;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatehouse.engine.imports.ImportJob;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.Page;

import java.util.Optional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** ListUserImportJobs: a page of the pool'\''s jobs. */
@ApplicationScoped
public class ListUserImportJobs implements CognitoOperation {

    @Inject
    ImportJobs jobs;

    @Override
    public String name() {
        return "ListUserImportJobs";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Page<ImportJob> page = jobs.list(request.get("UserPoolId").asText(), request.get("MaxResults").asInt(),
                Optional.ofNullable(request.hasNonNull("PaginationToken") ? request.get("PaginationToken").asText()
                        : null));
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode list = response.putArray("UserImportJobs");
        page.items().forEach(job -> list.add(ImportShapes.job(job)));
        page.nextToken().ifPresent(t -> response.put("PaginationToken", t));
        return response;
    }
}
