package io.gatehouse.it.threat;

import com.sun.net.httpserver.HttpServer;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.ProviderInstaller;
import io.gatehouse.providers.password.hibp.HibpRangeCheckFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.gatehouse.it.support.ProviderInstaller.awaitReadiness;
import static io.gatehouse.it.support.ProviderInstaller.providers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The optional Have I Been Pwned provider installed into the running server with the documented script, its
 * base URL a server variable pointing at a stand-in on loopback that speaks the range protocol: a password the
 * built-in corpus does not know but the range API does is refused at sign-up, only the SHA-1 prefix leaves the
 * server, and while the API is down the password passes (fail open).
 */
class HibpProviderIT {

    /** Strong, so not among the built-in corpus's 100,000; the stand-in knows it. */
    private static final String PASSWORD = "Harbor-Lantern-Quiet-51";
    private static final Path VARIABLES = Gatehouse.serverDir().resolve("configDropins/overrides/hibp-it.xml");

    private HttpServer api;
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private String jarName;

    @AfterEach
    void uninstall() throws Exception {
        if (api != null) {
            api.stop(0);
        }
        Files.deleteIfExists(VARIABLES);
        if (jarName != null) {
            ProviderInstaller.remove(List.of(jarName));
            awaitReadiness(ready -> providers(ready).isObject() && ready.path("status").asText().equals("UP")
                    && !providers(ready).has("breached-password/hibp"));
        }
    }

    private static String sha1(String password) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    private void startRangeApi(String knownHash) throws Exception {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/range/", exchange -> {
            String prefix = exchange.getRequestURI().getPath().substring("/range/".length());
            asked.add(exchange.getRequestURI().getPath() + " padding=" + exchange.getRequestHeaders()
                    .getFirst("Add-Padding"));
            StringBuilder body = new StringBuilder("0018A45C4D1DEF81644B54AB7F969B88D65:3\r\n");
            if (knownHash.startsWith(prefix)) {
                body.append(knownHash.substring(5)).append(":7\r\n");
            }
            body.append("00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0\r\n");
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        api.start();
    }

    private static void signUp(CognitoIdentityProviderClient cognito, String clientId, String username) {
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("email").value(username + "@example.com").build()));
    }

    @Test
    void installedProviderRefusesWhatTheRangeApiKnowsAndFailsOpenWhenItIsDown() throws Exception {
        String hash = sha1(PASSWORD);
        startRangeApi(hash);
        Files.createDirectories(VARIABLES.getParent());
        Files.writeString(VARIABLES, "<server>\n  <variable name=\"gatehouse.spi.breached-password.hibp.base-url\""
                + " value=\"http://127.0.0.1:" + api.getAddress().getPort() + "\"/>\n"
                + "  <variable name=\"gatehouse.spi.breached-password.hibp.timeout-ms\" value=\"1000\"/>\n</server>\n");
        Path jar = Path.of(HibpRangeCheckFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar.toString()).as("the provider's packaged jar").endsWith(".jar");

        try (CognitoIdentityProviderClient cognito = Gatehouse.adminClient()) {
            String pool = cognito.createUserPool(r -> r.poolName("hibp")).userPool().id();
            String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("web"))
                    .userPoolClient().clientId();
            // The built-in corpus alone lets it through.
            signUp(cognito, client, "before");

            jarName = jar.getFileName().toString();
            ProviderInstaller.install(jar);
            assertThat(awaitReadiness(r -> providers(r).has("breached-password/hibp"))
                    .path("status").asText()).isEqualTo("UP");

            assertThatThrownBy(() -> signUp(cognito, client, "after"))
                    .isInstanceOf(InvalidPasswordException.class)
                    .hasMessageContaining("Provided password cannot be used for security reasons.");
            assertThat(asked).containsExactly("/range/" + hash.substring(0, 5) + " padding=true");

            // The range API goes down: the password passes that source, as the provider's default says.
            api.stop(0);
            api = null;
            signUp(cognito, client, "while-down");
        }
    }
}
