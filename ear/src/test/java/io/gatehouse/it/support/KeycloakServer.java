package io.gatehouse.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keycloak's own distribution as the test suites' real OpenID Connect IdP, started once for both suites by the
 * build (exec:java in pre-integration-test) and stopped after them. It imports the realm {@code gatehouse}
 * (src/test/resources/keycloak) with a confidential client whose redirect URIs are the test servers'
 * {@code /oauth2/idpresponse}, and one user. Dev mode: an embedded database in its own folder, plain HTTP on
 * loopback.
 *
 * <p>Arguments: {@code start <distribution folder> <port> <test server port>...} or {@code stop <distribution
 * folder>}.
 */
public final class KeycloakServer {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private KeycloakServer() {
    }

    public static void main(String[] args) throws Exception {
        Path home = home(Path.of(args[1]));
        Path pidFile = home.resolve("gatehouse-it.pid");
        if (args[0].equals("stop")) {
            stop(pidFile);
            return;
        }
        int port = Integer.parseInt(args[2]);
        List<String> serverPorts = Arrays.asList(args).subList(3, args.length);
        stop(pidFile);
        // Another Keycloak (an interrupted build's, whose pid file is gone) would answer with an old realm.
        PortsFree.main(new String[] {Integer.toString(port)});
        // A fresh database each run: Keycloak skips importing a realm it already has, so an old one would stay.
        deleteTree(home.resolve("data/h2"));
        writeRealm(home, serverPorts);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--hostname-strict=false", "--import-realm")
                .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "gatehouse-it-admin");
        // Small heap: it shares two cores and the machine's memory with two Liberty servers and the tests.
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        Process process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        awaitRealm(process, port, home);
    }

    /** The unpacked distribution's single folder ({@code keycloak-<version>}). */
    private static Path home(Path unpacked) throws IOException {
        try (var entries = Files.list(unpacked)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no keycloak-* folder in " + unpacked));
        }
    }

    private static void writeRealm(Path home, List<String> serverPorts) throws IOException {
        String template;
        try (var in = KeycloakServer.class.getResourceAsStream("/keycloak/gatehouse-realm.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String redirectUris = serverPorts.stream().map(p -> "http://localhost:" + p + "/oauth2/idpresponse")
                .collect(Collectors.joining("\", \""));
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.writeString(imports.resolve("gatehouse-realm.json"), template.replace("@REDIRECT_URIS@", redirectUris));
    }

    private static void awaitRealm(Process process, int port, Path home) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create("http://127.0.0.1:" + port + "/realms/gatehouse/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see " + home.resolve("keycloak.log"));
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    System.out.println("Keycloak answers on port " + port);
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not start within " + START_TIMEOUT + "; see "
                + home.resolve("keycloak.log"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Stops the Keycloak a previous start left, with its child processes. */
    private static void stop(Path pidFile) throws Exception {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle.of(pid).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        });
        Files.delete(pidFile);
    }
}
