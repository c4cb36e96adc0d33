package io.gatehouse.engine.trigger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRuntimeTest {

    @Test
    void signatureWhenComputedThenHexHmacSha256OfTimestampDotBodyUnderTheSecret() {
        WebhookRuntime runtime = new WebhookRuntime();
        runtime.secret = Optional.of("key");

        // HMAC-SHA256("key", "1700000000.{}") computed independently (openssl dgst -sha256 -hmac key).
        String signature = runtime.signature("1700000000", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");
        assertThat(signature).isNotEqualTo(runtime.signature("1700000001", "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(runtime.configured()).isTrue();
        runtime.secret = Optional.of(" ");
        assertThat(runtime.configured()).isFalse();
    }
}
