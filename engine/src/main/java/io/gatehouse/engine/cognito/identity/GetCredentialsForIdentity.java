package io.gatehouse.engine.cognito.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.credentials.IssuedCredentials;
import io.gatehouse.engine.identitypool.credentials.IdentityCredentials;
import io.gatehouse.engine.identitypool.identity.ProvenIdentity;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** GetCredentialsForIdentity (unsigned): temporary credentials for an identity and the logins it proves. */
@ApplicationScoped
public class GetCredentialsForIdentity implements IdentityOperation {

    @Inject
    UnsignedCalls calls;

    @Inject
    IdentityCredentials credentials;

    @Override
    public String name() {
        return "GetCredentialsForIdentity";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ProvenIdentity proven = calls.proven(request);
        IssuedCredentials issued = credentials.issue(proven,
                Optional.ofNullable(request.path("CustomRoleArn").textValue()));
        ObjectNode response = Json.MAPPER.createObjectNode().put("IdentityId", proven.identity().id());
        response.putObject("Credentials").put("AccessKeyId", issued.accessKeyId())
                .put("SecretKey", issued.secretAccessKey()).put("SessionToken", issued.sessionToken())
                .put("Expiration", Json.epochSeconds(issued.expiration()));
        return response;
    }
}
