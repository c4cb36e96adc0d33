package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.users.SignInService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * GetTokensFromRefreshToken: new ID and access tokens for a refresh token, and with RefreshTokenRotation a new
 * refresh token too (Amplify JS v6 refreshes this way).
 */
@ApplicationScoped
public class GetTokensFromRefreshToken implements CognitoOperation {

    @Inject
    SignInService signIns;

    @Override
    public String name() {
        return "GetTokensFromRefreshToken";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = AuthResults.of(new AuthStep.Authenticated(signIns.tokensFromRefreshToken(
                request.get("ClientId").asText(), UserShapes.text(request, "ClientSecret"),
                request.get("RefreshToken").asText())));
        response.remove("ChallengeParameters");
        return response;
    }
}
