package io.gatehouse.engine.cognito.mfa;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.users.SoftwareTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** AssociateSoftwareToken: a new secret for the user's authenticator app, by access token or MFA_SETUP Session. */
@ApplicationScoped
public class AssociateSoftwareToken implements CognitoOperation {

    @Inject
    SoftwareTokens tokens;

    @Override
    public String name() {
        return "AssociateSoftwareToken";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        SoftwareTokens.Associated associated = tokens.associate(request.path("AccessToken").textValue(),
                request.path("Session").textValue());
        ObjectNode response = Json.MAPPER.createObjectNode().put("SecretCode", associated.secretCode());
        if (associated.session() != null) {
            response.put("Session", associated.session());
        }
        return response;
    }
}
