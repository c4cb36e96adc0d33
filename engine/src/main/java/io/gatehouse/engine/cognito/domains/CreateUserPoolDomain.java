package io.gatehouse.engine.cognito.domains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.domains.Domain;
import io.gatehouse.engine.domains.Domains;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** CreateUserPoolDomain: a prefix domain, or a custom one with a CustomDomainConfig. */
@ApplicationScoped
public class CreateUserPoolDomain implements CognitoOperation {

    @Inject
    Domains domains;

    @Override
    public String name() {
        return "CreateUserPoolDomain";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Domain domain = domains.create(request.get("UserPoolId").asText(), request.get("Domain").asText(),
                DomainShapes.certificateArn(request), DomainShapes.managedLoginVersion(request));
        return DomainShapes.created(domain, domains.hostName(domain));
    }
}
