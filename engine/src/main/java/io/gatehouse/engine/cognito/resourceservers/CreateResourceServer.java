package io.gatehouse.engine.cognito.resourceservers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.resourceservers.ResourceServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateResourceServer: an API and the custom scopes it defines. */
@ApplicationScoped
public class CreateResourceServer implements CognitoOperation {

    @Inject
    ResourceServers servers;

    @Override
    public String name() {
        return "CreateResourceServer";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return ResourceServerShapes.wrapped(servers.create(request.get("UserPoolId").asText(),
                request.get("Identifier").asText(), request.get("Name").asText(), request.get("Scopes")));
    }
}
