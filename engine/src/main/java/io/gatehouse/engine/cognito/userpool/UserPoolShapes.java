package io.gatehouse.engine.cognito.userpool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.ClientSecret;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;

/** Renders pools and clients as the response shapes of the service model. */
final class UserPoolShapes {

    private UserPoolShapes() {
    }

    /** {@code UserPoolType}. */
    static ObjectNode userPool(UserPool pool, String arn, long estimatedUsers) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("Id", pool.id())
                .put("Name", pool.name());
        out.setAll(PoolMfa.withoutMethods((ObjectNode) pool.settings().deepCopy()));
        out.put("Arn", arn);
        out.put("CreationDate", Json.epochSeconds(pool.created()));
        out.put("LastModifiedDate", Json.epochSeconds(pool.modified()));
        out.put("EstimatedNumberOfUsers", estimatedUsers);
        return out;
    }

    /** {@code UserPoolDescriptionType}, one line of ListUserPools. */
    static ObjectNode description(UserPool pool) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("Id", pool.id())
                .put("Name", pool.name());
        out.set("LambdaConfig", pool.settings().path("LambdaConfig").deepCopy());
        out.put("CreationDate", Json.epochSeconds(pool.created()));
        out.put("LastModifiedDate", Json.epochSeconds(pool.modified()));
        return out;
    }

    /** {@code UserPoolClientType}, secret included, as Cognito returns it to administrators. */
    static ObjectNode client(UserPoolClient client) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("UserPoolId", client.userPoolId())
                .put("ClientName", client.clientName())
                .put("ClientId", client.clientId());
        client.clientSecret().ifPresent(secret -> out.put("ClientSecret", secret));
        out.setAll((ObjectNode) client.settings().deepCopy());
        out.put("CreationDate", Json.epochSeconds(client.created()));
        out.put("LastModifiedDate", Json.epochSeconds(client.modified()));
        return out;
    }

    /** {@code ClientSecretDescriptorType} without the value, which only AddUserPoolClientSecret may add. */
    static ObjectNode secretDescriptor(ClientSecret secret) {
        return Json.MAPPER.createObjectNode()
                .put("ClientSecretId", secret.id())
                .put("ClientSecretCreateDate", Json.epochSeconds(secret.created()));
    }

    /** {@code UserPoolClientDescription}, one line of ListUserPoolClients. */
    static ObjectNode clientDescription(UserPoolClient client) {
        return Json.MAPPER.createObjectNode()
                .put("ClientId", client.clientId())
                .put("UserPoolId", client.userPoolId())
                .put("ClientName", client.clientName());
    }
}
