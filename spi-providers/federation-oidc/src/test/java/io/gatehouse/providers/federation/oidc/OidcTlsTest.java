package io.gatehouse.providers.federation.oidc;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IdPs' certificates are checked: an https IdP whose certificate no trusted CA signed is not an IdP. */
class OidcTlsTest {

    @Test
    void configureWhenTheIssuersCertificateIsSelfSignedThenRefused(@TempDir Path dir) throws Exception {
        HttpsServer server = selfSignedServer(dir);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        OidcFederationProviderFactory factory = new OidcFederationProviderFactory();
        factory.init(ProviderConfig.empty());
        try (FederationProvider provider = factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()))) {
            InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                    () -> provider.configure(Map.of("client_id", "c", "authorize_scopes", "openid",
                            "attributes_request_method", "GET",
                            "oidc_issuer", "https://127.0.0.1:" + server.getAddress().getPort())));
            assertTrue(refused.getMessage().contains("SSLHandshakeException"), refused.getMessage());
        } finally {
            factory.close();
            server.stop(0);
        }
    }

    /** An https server on loopback with a certificate made now by the JDK's keytool, signed by itself. */
    private static HttpsServer selfSignedServer(Path dir) throws Exception {
        Path store = dir.resolve("idp.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "idp", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes()));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return server;
    }
}
