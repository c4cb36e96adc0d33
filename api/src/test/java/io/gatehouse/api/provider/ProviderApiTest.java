package io.gatehouse.api.provider;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderApiTest {

    @Test
    void incompatibilityWhenSameVersionThenNone() {
        assertTrue(ProviderApi.incompatibility("1.0", "1.0").isEmpty());
    }

    @Test
    void incompatibilityWhenOlderMinorThenNone() {
        assertTrue(ProviderApi.incompatibility("1.0", "1.3").isEmpty());
    }

    @Test
    void incompatibilityWhenNewerMinorThenRefused() {
        assertEquals("built for provider API 1.4, but this server provides API 1.3",
                ProviderApi.incompatibility("1.4", "1.3").orElseThrow());
    }

    @Test
    void incompatibilityWhenOtherMajorThenRefused() {
        assertTrue(ProviderApi.incompatibility("2.0", "1.0").isPresent());
        assertTrue(ProviderApi.incompatibility("0.9", "1.0").isPresent());
    }

    @Test
    void incompatibilityWhenMissingOrMalformedThenRefused() {
        assertTrue(ProviderApi.incompatibility(null, "1.0").orElseThrow().contains("declares no"));
        assertTrue(ProviderApi.incompatibility("one", "1.0").orElseThrow().contains("not <major>.<minor>"));
    }

    @Test
    void versionConstantWhenBuiltThenMatchesTheBuildProperty() throws IOException {
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/build-api-version.properties")) {
            build.load(in);
        }
        assertEquals(build.getProperty("version"), ProviderApi.VERSION);
    }
}
