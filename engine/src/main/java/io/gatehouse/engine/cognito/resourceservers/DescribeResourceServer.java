package io.gatehouse.engine.cognito.resourceservers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.resourceservers.ResourceServers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** DescribeResourceServer: one of the pool's resource servers. */
@ApplicationScoped
public class DescribeResourceServer implements CognitoOperation {

    @Inject
    ResourceServers servers;

    @Override
    public String name() {
        return "DescribeResourceServer";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        return ResourceServerShapes.wrapped(servers.get(request.get("UserPoolId").asText(),
                request.get("Identifier").asText()));
    }
}
