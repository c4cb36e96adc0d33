package io.gatehouse.it.awscli;

import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.TestFederationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AWS CLI scenario (src/test/scripts/awscli-scenario.sh) against the test server, with Debian's awscli, which
 * .ci/run installs. The script checks each answer itself; this test fails with its output when a step does. Its
 * identity provider is of the suites' test federation provider type, installed for the run.
 */
class AwsCliScenarioIT {

    @BeforeAll
    static void installIdpType() throws Exception {
        TestFederationProvider.install();
    }

    @AfterAll
    static void uninstallIdpType() throws Exception {
        TestFederationProvider.uninstall();
    }

    private static final Path SCRIPT = Path.of("src/test/scripts/awscli-scenario.sh");
    private static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @Test
    void scenarioWhenRunWithTheAwsCliThenEveryStepPasses() throws Exception {
        assertThat(AWS_CLI).as("Debian's awscli (apt-get install awscli; .ci/run installs it)").isExecutable();
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GATEHOUSE_ENDPOINT", Gatehouse.ENDPOINT.toString());
        env.put("AWS_ACCESS_KEY_ID", Gatehouse.ADMIN_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", Gatehouse.ADMIN_SECRET);
        env.put("AWS_CLI", AWS_CLI.toString());
        env.put("GATEHOUSE_IDP_TYPE", TestFederationProvider.TYPE);
        Path log = Files.createTempFile("awscli-scenario", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);

        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SCENARIO PASSED");
    }
}
