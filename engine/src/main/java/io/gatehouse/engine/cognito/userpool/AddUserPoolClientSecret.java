package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.ClientSecret;
import io.gatehouse.engine.userpool.ClientSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * AddUserPoolClientSecret: a second secret for a confidential client. As in Cognito, the answer carries the value
 * only when the server generated it; a secret the caller chose is not sent back.
 */
@ApplicationScoped
public class AddUserPoolClientSecret implements CognitoOperation {

    @Inject
    ClientSecrets secrets;

    @Override
    public ObjectNode handle(ObjectNode request) {
        Optional<String> chosen = request.hasNonNull("ClientSecret")
                ? Optional.of(request.get("ClientSecret").asText()) : Optional.empty();
        ClientSecret added = secrets.add(request.get("UserPoolId").asText(), request.get("ClientId").asText(),
                chosen);
        ObjectNode descriptor = UserPoolShapes.secretDescriptor(added);
        if (chosen.isEmpty()) {
            descriptor.put("ClientSecretValue", added.value());
        }
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.set("ClientSecretDescriptor", descriptor);
        return response;
    }

    @Override
    public String name() {
        return "AddUserPoolClientSecret";
    }
}
