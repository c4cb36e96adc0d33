package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuthorizationAnswerTest {

    private static final URI CALLBACK = URI.create("https://auth.example.test/oauth2/idpresponse");

    private static Callback callback(Map<String, List<String>> parameters) {
        return new Callback(CALLBACK, parameters);
    }

    @Test
    void codeWhenTheIdpAnsweredACodeThenIt() throws Exception {
        assertEquals("c-1", AuthorizationAnswer.code(callback(Map.of("code", List.of("c-1"),
                "state", List.of("s"), "iss", List.of("https://idp.test"))), Set.of("https://idp.test")));
    }

    @Test
    void codeWhenAnErrorThenItsReasonAndAnUnreadableCodeIsNotShown() {
        FederationException other = assertThrows(FederationException.class, () -> AuthorizationAnswer.code(
                callback(Map.of("error", List.of("server_error\"<script>"))), Set.of()));
        assertEquals(Reason.IDP_ERROR, other.reason());
        assertFalse(other.getMessage().contains("<script>"), other.getMessage());
    }

    @Test
    void codeWhenAnotherIssuerIsNamedThenRefused() {
        FederationException refused = assertThrows(FederationException.class, () -> AuthorizationAnswer.code(
                callback(Map.of("code", List.of("c"), "iss", List.of("https://evil.test"))),
                Set.of("https://idp.test")));
        assertEquals(Reason.INVALID_RESPONSE, refused.reason());
    }
}
