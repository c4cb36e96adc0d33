package io.gatehouse.sigv4;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter signs its own calls to Gatehouse exactly as the AWS SDK signs the same request. */
class RequestSignerTest {

    @Test
    void signWhenPostThenTheSdksAuthorization() {
        URI uri = URI.create("https://gatehouse.example.com/sts/signing-key");
        String body = "{\"AccessKeyId\":\"ASIAEXAMPLE\"}";
        Instant at = Instant.parse("2026-12-06T11:00:00Z");

        Map<String, String> ours = new RequestSigner("GHVERIFIER", "verifier-secret", "us-east-1",
                "gatehouse-verifier").sign(uri, body.getBytes(StandardCharsets.UTF_8), at);
        SigV4Request sdk = SdkSigned.sign("POST", uri, Map.of("Content-Type", "application/json"), body, "GHVERIFIER",
                "verifier-secret", null, "us-east-1", "gatehouse-verifier", at);

        assertThat(ours.get("Authorization")).isEqualTo(sdk.header("authorization"));
        assertThat(ours.get("X-Amz-Date")).isEqualTo("20261206T110000Z");
    }
}
