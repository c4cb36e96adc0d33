package io.gatehouse.providers.federation.oauth;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndpointDefaultsTest {

    private final EndpointDefaults defaults = new EndpointDefaults()
            .with("token_url", d -> "https://graph.example.com/" + d.get("api_version") + "/token")
            .with("authorize_url", "https://www.example.com/authorize");

    @Test
    void fillWhenAnEndpointIsGivenThenKeptAndTheOthersFilled() {
        Map<String, String> details = new HashMap<>(Map.of("api_version", "v17.0",
                "authorize_url", "http://127.0.0.1:1/authorize"));

        defaults.fill(details);

        assertEquals("http://127.0.0.1:1/authorize", details.get("authorize_url"));
        assertEquals("https://graph.example.com/v17.0/token", details.get("token_url"));
    }

    @Test
    void forUpdateWhenWhatADefaultDerivesFromChangesThenTheDefaultIsFilledAnewButAGivenEndpointStays() {
        Map<String, String> stored = new HashMap<>(Map.of("api_version", "v17.0",
                "authorize_url", "http://127.0.0.1:1/authorize"));
        defaults.fill(stored);

        Map<String, String> updated = defaults.forUpdate(Map.of("api_version", "v19.0"), stored);
        defaults.fill(updated);

        assertEquals("https://graph.example.com/v19.0/token", updated.get("token_url"));
        assertEquals("http://127.0.0.1:1/authorize", updated.get("authorize_url"));
    }
}
