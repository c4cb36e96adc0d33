package io.gatehouse.providers.federation.oauth;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonAnswerTest {

    private static HTTPResponse response(int status, String body) {
        HTTPResponse response = new HTTPResponse(status);
        response.setContent(body);
        return response;
    }

    @Test
    void objectWhenOkThenTheObject() throws Exception {
        assertEquals(Map.of("user_id", "amzn1.account.X"),
                JsonAnswer.object(response(200, "{\"user_id\":\"amzn1.account.X\"}"), "the profile"));
    }

    @Test
    void objectWhenAGraphErrorThenItsTypeAndCodeButNotItsMessage() {
        FederationException refused = assertThrows(FederationException.class, () -> JsonAnswer.object(response(400,
                "{\"error\":{\"message\":\"token EAAB123 is bad\",\"type\":\"OAuthException\",\"code\":190}}"),
                "the Graph API"));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
        assertTrue(refused.getMessage().contains("OAuthException 190"), refused.getMessage());
        assertFalse(refused.getMessage().contains("EAAB123"), refused.getMessage());
    }

    @Test
    void objectWhenAnOauthErrorOrNoJsonThenInvalidResponse() {
        FederationException oauth = assertThrows(FederationException.class,
                () -> JsonAnswer.object(response(401, "{\"error\":\"invalid_token\"}"), "the profile"));
        assertTrue(oauth.getMessage().contains("invalid_token"), oauth.getMessage());
        assertThrows(FederationException.class, () -> JsonAnswer.object(response(200, "[1]"), "the profile"));
    }
}
