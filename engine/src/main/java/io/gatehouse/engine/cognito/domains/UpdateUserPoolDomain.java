package io.gatehouse.engine.cognito.domains;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.domains.Domain;
import io.gatehouse.engine.domains.Domains;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** UpdateUserPoolDomain: the managed login version, or a custom domain's certificate. */
@ApplicationScoped
public class UpdateUserPoolDomain implements CognitoOperation {

    @Inject
    Domains domains;

    @Override
    public String name() {
        return "UpdateUserPoolDomain";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        Domain domain = domains.update(request.get("UserPoolId").asText(), request.get("Domain").asText(),
                DomainShapes.certificateArn(request), DomainShapes.managedLoginVersion(request));
        return DomainShapes.created(domain, domains.hostName(domain));
    }
}
