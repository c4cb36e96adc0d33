package io.gatehouse.engine.oauth;

import org.junit.jupiter.api.Test;

import java.net.URI;

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
}
