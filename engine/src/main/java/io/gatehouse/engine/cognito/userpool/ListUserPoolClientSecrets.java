package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.ClientSecret;
import io.gatehouse.engine.userpool.ClientSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * ListUserPoolClientSecrets: the ids and creation dates of a client's secrets, never their values. There are at most
 * two, so there is a single page and no NextToken, as Cognito documents; a NextToken sent is ignored.
 */
@ApplicationScoped
public class ListUserPoolClientSecrets implements CognitoOperation {

    @Inject
    ClientSecrets secrets;

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        ArrayNode list = response.putArray("ClientSecrets");
        for (ClientSecret secret : secrets.list(request.get("UserPoolId").asText(),
                request.get("ClientId").asText())) {
            list.add(UserPoolShapes.secretDescriptor(secret));
        }
        return response;
    }

    @Override
    public String name() {
        return "ListUserPoolClientSecrets";
    }
}
