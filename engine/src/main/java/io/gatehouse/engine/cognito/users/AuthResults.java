package io.gatehouse.engine.cognito.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.token.TokenSet;

import java.util.HashMap;
import java.util.Map;

/** The response shapes of the sign-in operations. */
final class AuthResults {

    private AuthResults() {
    }

    /** {@code {"AuthenticationResult": ..., "ChallengeParameters": {}}}. */
    static ObjectNode authenticated(TokenSet tokens) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.putObject("ChallengeParameters");
        ObjectNode result = response.putObject("AuthenticationResult")
                .put("AccessToken", tokens.accessToken())
                .put("ExpiresIn", tokens.expiresInSeconds())
                .put("TokenType", "Bearer")
                .put("IdToken", tokens.idToken());
        if (tokens.refreshToken() != null) {
            result.put("RefreshToken", tokens.refreshToken());
        }
        return response;
    }

    static Map<String, String> parameters(JsonNode map) {
        Map<String, String> parameters = new HashMap<>();
        map.fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return parameters;
    }
}
