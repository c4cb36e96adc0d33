package io.gatehouse.it.cluster;

import io.gatehouse.it.Gatehouse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cluster under test, made with the scripts a developer uses: the README's {@code ./gatehouse cluster} command
 * (liberty-config's cluster.sh) for the Gatehouse nodes behind HAProxy, and pg-standby-pair.sh for a PostgreSQL
 * primary with a synchronous hot standby. Their output goes to the test's own, so CI's log shows them.
 */
final class LocalCluster {

    static final int NODES = 2;
    static final int PRIMARY_PORT = Integer.parseInt(Gatehouse.property("gatehouse.it.cluster.pg.primary-port"));
    static final int STANDBY_PORT = Integer.parseInt(Gatehouse.property("gatehouse.it.cluster.pg.standby-port"));

    private final Path script = Path.of(Gatehouse.property("gatehouse.it.cluster.script"));
    private final Path pgScript = Path.of(Gatehouse.property("gatehouse.it.cluster.pg-script"));
    private final Path dir = Path.of(Gatehouse.property("gatehouse.it.cluster.dir"));
    private final Path template = Path.of(Gatehouse.property("gatehouse.it.cluster.template"));
    private final int port = Integer.parseInt(Gatehouse.property("gatehouse.it.cluster.port"));

    /** Both PostgreSQL hosts: the driver connects to whichever is the primary. */
    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + PRIMARY_PORT + ",127.0.0.1:" + STANDBY_PORT
                + "/gatehouse?targetServerType=primary";
    }

    URI balancer() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Node {@code i} (1-based) directly, past the balancer. */
    URI node(int i) {
        return URI.create("http://127.0.0.1:" + (port + i));
    }

    void createDatabase() throws Exception {
        run(Duration.ofMinutes(2), "bash", pgScript.toString(), "create", String.valueOf(PRIMARY_PORT),
                String.valueOf(STANDBY_PORT));
    }

    void dropDatabase() throws Exception {
        run(Duration.ofMinutes(1), "bash", pgScript.toString(), "drop");
    }

    void database(String action) throws Exception {
        run(Duration.ofMinutes(1), "bash", pgScript.toString(), action);
    }

    void start(List<String> jvmOptions) throws Exception {
        if (Files.isDirectory(dir)) {
            stop(); // the nodes of an interrupted run, if any: they would hold the ports
        }
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "start",
                "--nodes", String.valueOf(NODES), "--port", String.valueOf(port), "--dir", dir.toString(),
                "--template", template.toString(), "--db", jdbcUrl(), "--db-user", "postgres", "--timeout", "240"));
        for (String option : jvmOptions) {
            command.addAll(List.of("--jvm-option", option));
        }
        // The admin credential the suite signs with; the script makes the data key, one for every node.
        run(Duration.ofMinutes(5), java.util.Map.of("GATEHOUSE_ADMIN_ACCESS_KEY_ID", Gatehouse.ADMIN_KEY,
                "GATEHOUSE_ADMIN_SECRET_ACCESS_KEY", Gatehouse.ADMIN_SECRET), command.toArray(String[]::new));
    }

    /**
     * Tries to start one more node, in a directory of its own, on the cluster's database but with {@code dataKey}
     * (base64) as its data key, as an operator who forgot to give a new node the cluster's key would.
     *
     * @return the node's messages.log, once the script has given up on it; empty when the node started
     */
    java.util.Optional<String> startStranger(String dataKey) throws Exception {
        Path stranger = dir.resolveSibling(dir.getFileName() + "-stranger");
        List<String> command = List.of("bash", script.toString(), "start", "--nodes", "1", "--port",
                String.valueOf(port + 50), "--dir", stranger.toString(), "--template", template.toString(), "--db",
                jdbcUrl(), "--db-user", "postgres", "--timeout", "120", "--jvm-option", "-XX:TieredStopAtLevel=1");
        try {
            run(Duration.ofMinutes(3), java.util.Map.of("GATEHOUSE_DATA_KEY", dataKey,
                    "GATEHOUSE_ADMIN_ACCESS_KEY_ID", Gatehouse.ADMIN_KEY,
                    "GATEHOUSE_ADMIN_SECRET_ACCESS_KEY", Gatehouse.ADMIN_SECRET), command.toArray(String[]::new));
        } catch (IllegalStateException refused) {
            return java.util.Optional.of(Files.readString(stranger.resolve("usr/servers/node1/logs/messages.log")));
        }
        run(Duration.ofMinutes(2), "bash", script.toString(), "stop", "--dir", stranger.toString());
        return java.util.Optional.empty();
    }

    void stop() throws Exception {
        run(Duration.ofMinutes(2), "bash", script.toString(), "stop", "--dir", dir.toString());
    }

    /** SIGKILL to node {@code i}: no quiesce, no closed connections, as a crash or an OOM kill. */
    void kill(int i) throws Exception {
        long pid = Long.parseLong(Files.readString(dir.resolve("usr/servers/.pid/node" + i + ".pid")).trim());
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("node" + i + " is not running"));
        node.destroyForcibly();
        node.onExit().get(30, TimeUnit.SECONDS);
    }

    private static void run(Duration timeout, String... command) throws IOException, InterruptedException {
        run(timeout, java.util.Map.of(), command);
    }

    private static void run(Duration timeout, java.util.Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " took over " + timeout);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue());
        }
    }
}
