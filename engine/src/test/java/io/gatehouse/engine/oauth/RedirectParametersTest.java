package io.gatehouse.engine.oauth;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectParametersTest {

    @Test
    void queryWhenUriHasOneThenParametersAreAppendedEncoded() {
        URI uri = new RedirectParameters().add("code", "a b&c").add("state", null)
                .appendTo(URI.create("https://app.example.com/cb?tenant=1"), false);

        assertThat(uri).hasToString("https://app.example.com/cb?tenant=1&code=a+b%26c");
    }

    @Test
    void fragmentWhenImplicitThenParametersReplaceAnyFragment() {
        URI uri = new RedirectParameters().add("access_token", "t").add("state", "s/1")
                .appendTo(URI.create("myapp://callback#old"), true);

        assertThat(uri).hasToString("myapp://callback#access_token=t&state=s%2F1");
    }

    @Test
    void decodeWhenAnIdpInitiatedRelayStateThenTheAuthorizationRequestsParameters() {
        Map<String, List<String>> decoded = RedirectParameters.decode(
                "client_id=abc&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&scope=openid+email&scope=phone&flag");

        assertThat(decoded).containsEntry("client_id", List.of("abc"))
                .containsEntry("redirect_uri", List.of("https://app.example.com/cb"))
                .containsEntry("scope", List.of("openid email", "phone")).containsEntry("flag", List.of(""));
    }

    @Test
    void decodeWhenEncodedThenTheSameParametersBack() {
        Map<String, String> values = Map.of("identity_provider", "Corp IdP", "state", "a=b&c");

        assertThat(RedirectParameters.decode(RedirectParameters.encode(values)))
                .containsEntry("identity_provider", List.of("Corp IdP")).containsEntry("state", List.of("a=b&c"));
    }
}
