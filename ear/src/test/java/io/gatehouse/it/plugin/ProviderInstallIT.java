package io.gatehouse.it.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.testing.ProviderJarBuilder;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.ProviderInstaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.gatehouse.it.support.ProviderInstaller.awaitReadiness;
import static io.gatehouse.it.support.ProviderInstaller.check;
import static io.gatehouse.it.support.ProviderInstaller.providers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs provider jars into the running server with the documented script, as an operator would, and reads
 * the outcome from {@code /health/ready}: no EAR rebuild, no server restart.
 */
class ProviderInstallIT {

    private static final String VERSION = Gatehouse.property("gatehouse.it.version");

    @TempDir
    Path work;

    private final List<String> installed = new ArrayList<>();

    @AfterEach
    void uninstall() throws Exception {
        if (!installed.isEmpty()) {
            ProviderInstaller.remove(installed);
            awaitReadiness(ready -> providers(ready).isObject() && ready.path("status").asText().equals("UP")
                    && installed.stream().noneMatch(jar -> providers(ready).toString().contains(jar)));
        }
    }

    @Test
    void readinessWhenStartedThenBuiltInProvidersListed() throws Exception {
        JsonNode ready = awaitReadiness(r -> providers(r).isObject());

        assertThat(providers(ready).path("user-store/jdbc").asText())
                .isEqualTo("loaded: version " + VERSION + ", jar io.gatehouse-gatehouse-userstore-jdbc-" + VERSION
                        + ".jar");
        for (String method : List.of("totp", "sms", "email")) {
            assertThat(providers(ready).path("mfa-method/" + method).asText())
                    .isEqualTo("loaded: version " + VERSION + ", jar io.gatehouse-gatehouse-mfa-" + method + "-"
                            + VERSION + ".jar");
        }
    }

    @Test
    void installWhenProviderIsSoundThenListedAndReadinessUp() throws Exception {
        Path jar = ProviderJarBuilder.userStore("com.example.sound", "example-directory", null)
                .version("2.4.1").build(work.resolve("example-directory-2.4.1.jar"));

        install(jar);
        JsonNode ready = awaitReadiness(r -> providers(r).has("user-store/example-directory"));

        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(providers(ready).path("user-store/example-directory").asText())
                .isEqualTo("loaded: version 2.4.1, jar example-directory-2.4.1.jar");
    }

    @Test
    void installWhenProviderFailsToInitialiseThenReadinessDownWithItsReason() throws Exception {
        Path jar = ProviderJarBuilder.userStore("com.example.broken", "broken-directory",
                "LDAP URL is not configured").build(work.resolve("broken-directory.jar"));

        install(jar);
        JsonNode ready = awaitReadiness(r -> providers(r).has("user-store/broken-directory"));

        assertThat(ready.path("status").asText()).isEqualTo("DOWN");
        assertThat(providers(ready).path("user-store/broken-directory").asText())
                .contains("FAILED: failed to initialise: LDAP URL is not configured")
                .contains("broken-directory.jar");
    }

    @Test
    void installWhenProviderBuiltForAnotherApiThenRefusedAndReadinessDown() throws Exception {
        Path jar = ProviderJarBuilder.userStore("com.example.future", "future-directory", null)
                .apiVersion("2.0").build(work.resolve("future-directory.jar"));

        install(jar);
        JsonNode ready = awaitReadiness(r -> providers(r).has("user-store/future-directory"));

        assertThat(ready.path("status").asText()).isEqualTo("DOWN");
        assertThat(providers(ready).path("user-store/future-directory").asText())
                .contains("refused: built for provider API 2.0");
    }

    @Test
    void installWhenApplicationRestartsThenStoredPoolsSurvive() throws Exception {
        String poolId;
        try (CognitoIdentityProviderClient cognito = Gatehouse.adminClient()) {
            poolId = cognito.createUserPool(r -> r.poolName("survives-restart")).userPool().id();
        }
        Path jar = ProviderJarBuilder.userStore("com.example.restart", "restart-directory", null)
                .build(work.resolve("restart-directory.jar"));

        install(jar);
        JsonNode readiness = awaitReadiness(r -> providers(r).has("user-store/restart-directory"));

        try (CognitoIdentityProviderClient cognito = Gatehouse.adminClient()) {
            assertThat(cognito.describeUserPool(r -> r.userPoolId(poolId)).userPool().name())
                    .isEqualTo("survives-restart");
        }
        // The crypto provider's native code is loaded once per JVM; a shared library keeps it usable by the
        // restarted application (a private copy would fail its self-test and fall back to the JDK).
        assertThat(check(readiness, "gatehouse-token-signing").path("provider").asText())
                .startsWith("AmazonCorrettoCryptoProvider");
    }

    private void install(Path jar) throws Exception {
        installed.add(jar.getFileName().toString());
        ProviderInstaller.install(jar);
    }
}
