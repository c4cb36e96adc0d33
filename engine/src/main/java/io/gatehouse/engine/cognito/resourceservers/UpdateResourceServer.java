package io.gatehouse.engine.cognito.resourceservers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.resourceservers.ResourceServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UpdateResourceServer: a new name and scope list (the scopes not given are removed, as in Cognito). */
@ApplicationScoped
public class UpdateResourceServer implements CognitoOperation {

    @Inject
    ResourceServers servers;

    @Override
    public String name() {
        return "UpdateResourceServer";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return ResourceServerShapes.wrapped(servers.update(request.get("UserPoolId").asText(),
                request.get("Identifier").asText(), request.get("Name").asText(), request.get("Scopes")));
    }
}
