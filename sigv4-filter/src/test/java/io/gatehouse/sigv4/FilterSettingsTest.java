package io.gatehouse.sigv4;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilterSettingsTest {

    private final Map<String, String> values = new HashMap<>(Map.of(
            "gatehouse.sigv4.endpoint", "http://localhost:9080",
            "gatehouse.sigv4.region", "eu-west-1",
            "gatehouse.sigv4.service", "orders",
            "gatehouse.sigv4.verifier.access-key-id", "GHVERIFIER",
            "gatehouse.sigv4.verifier.secret-access-key", "very-secret"));

    private FilterSettings read() {
        return FilterSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void fromWhenRequiredSetThenDefaultsForTheRest() {
        FilterSettings settings = read();

        assertThat(settings.gatehouseRegion()).isEqualTo("eu-west-1");
        assertThat(settings.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.cacheSize()).isEqualTo(10_000);
        assertThat(settings.toString()).doesNotContain("very-secret");
    }

    @Test
    void fromWhenMissingOrWrongThenEveryProblemNamed() {
        values.remove("gatehouse.sigv4.verifier.secret-access-key");
        values.put("gatehouse.sigv4.region", "Europe");
        values.put("gatehouse.sigv4.endpoint", "ftp://x");
        values.put("gatehouse.sigv4.cache-size", "-1");

        assertThatThrownBy(this::read).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gatehouse.sigv4.verifier.secret-access-key is required")
                .hasMessageContaining("must look like us-east-1")
                .hasMessageContaining("endpoint must be an http or https URL")
                .hasMessageContaining("cache-size must be a positive whole number");
    }
}
