package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.token.TokenSet;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The response shapes of the sign-in operations. */
final class AuthResults {

    private AuthResults() {
    }

    /**
     * Refuses a flow that belongs to the other of InitiateAuth and AdminInitiateAuth, with Cognito's answer: a
     * flow made for servers that hold the admin credential must not become an anonymous password endpoint.
     *
     * @throws ServiceException {@code InvalidParameterException}
     */
    static String flowOf(ObjectNode request, Set<String> otherApisFlows) {
        String flow = request.get("AuthFlow").asText();
        if (otherApisFlows.contains(flow)) {
            throw ServiceException.invalidParameter("Initiate Auth method not supported.");
        }
        return flow;
    }

    /** The response of InitiateAuth and RespondToAuthChallenge (and their Admin twins) for a sign-in step. */
    static ObjectNode of(AuthStep step) {
        if (step instanceof AuthStep.Challenged challenge) {
            ObjectNode response = Json.MAPPER.createObjectNode()
                    .put("ChallengeName", challenge.name())
                    .put("Session", challenge.session());
            ObjectNode parameters = response.putObject("ChallengeParameters");
            challenge.parameters().forEach(parameters::put);
            return response;
        }
        AuthStep.Authenticated done = (AuthStep.Authenticated) step;
        ObjectNode response = authenticated(done.tokens());
        if (done.newDevice() != null) {
            ((ObjectNode) response.get("AuthenticationResult")).putObject("NewDeviceMetadata")
                    .put("DeviceKey", done.newDevice().deviceKey())
                    .put("DeviceGroupKey", done.newDevice().deviceGroupKey());
        }
        return response;
    }

    /** {@code {"AuthenticationResult": ..., "ChallengeParameters": {}}}. */
    private static ObjectNode authenticated(TokenSet tokens) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.putObject("ChallengeParameters");
        ObjectNode result = response.putObject("AuthenticationResult")
                .put("AccessToken", tokens.accessToken())
                .put("ExpiresIn", tokens.expiresInSeconds())
                .put("TokenType", "Bearer");
        if (tokens.idToken() != null) {
            // A sign-in through the OAuth endpoints without the openid scope has no ID token.
            result.put("IdToken", tokens.idToken());
        }
        if (tokens.refreshToken() != null) {
            result.put("RefreshToken", tokens.refreshToken());
        }
        return response;
    }

    static Map<String, String> parameters(JsonNode map) {
        Map<String, String> parameters = new HashMap<>();
        map.properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return parameters;
    }
}
