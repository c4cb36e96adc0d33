package io.gatehouse.engine.cognito.imports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserImports;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** GetCSVHeader: the columns of the pool's import CSV. */
@ApplicationScoped
public class GetCSVHeader implements CognitoOperation {

    @Inject
    UserPools pools;

    @Override
    public String name() {
        return "GetCSVHeader";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String poolId = request.get("UserPoolId").asText();
        ObjectNode response = Json.MAPPER.createObjectNode().put("UserPoolId", poolId);
        ArrayNode header = response.putArray("CSVHeader");
        UserImports.csvHeader(pools.get(poolId)).forEach(header::add);
        return response;
    }
}
