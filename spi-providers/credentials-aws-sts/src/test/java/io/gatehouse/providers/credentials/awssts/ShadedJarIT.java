package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsBrokerFactory;
import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsRequest;
import io.gatehouse.api.credentials.IssuedCredentials;
import io.gatehouse.api.provider.ProviderApi;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar, as {@code install-provider} puts it in the server's providers/ folder: it declares the provider
 * API, lists its factory, carries every class it needs under its own package (the SDK and SLF4J relocated, so they
 * cannot replace the engine's copies in the class loader both share), and works when nothing but gatehouse-api and
 * the JDK stand beside it.
 */
class ShadedJarIT {

    private static final String ROLE = "arn:aws:iam::123456789012:role/app-users";
    private static final String OWN_PACKAGE = "io/gatehouse/providers/credentials/awssts/";

    private static Path jar() {
        Path jar = Path.of(System.getProperty("gatehouse.aws-sts.jar", "target/missing.jar"));
        assertTrue(Files.isRegularFile(jar), "package the module first: " + jar);
        return jar;
    }

    @Test
    void jarWhenListedThenOnlyItsOwnPackageTheFactoryAndTheApiVersion() throws Exception {
        List<String> foreign = new ArrayList<>();
        try (JarFile file = new JarFile(jar().toFile())) {
            assertEquals(ProviderApi.VERSION, file.getManifest().getMainAttributes()
                    .getValue(ProviderApi.MANIFEST_ATTRIBUTE));
            ZipEntry services = file.getEntry("META-INF/services/" + CredentialsBrokerFactory.class.getName());
            assertEquals(AwsStsBrokerFactory.class.getName(),
                    new String(file.getInputStream(services).readAllBytes()).trim());
            for (Enumeration<java.util.jar.JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith(OWN_PACKAGE)) {
                    foreign.add(name);
                }
            }
        }
        assertEquals(List.of(), foreign, "classes outside the provider's package would shadow the engine's");
    }

    @Test
    void jarWhenLoadedBesideOnlyTheApiThenItIssuesCredentials() throws Exception {
        try (StsStandIn sts = new StsStandIn(ROLE);
             URLClassLoader loader = new URLClassLoader(new URL[]{jar().toUri().toURL()}, apiOnly())) {
            List<CredentialsBrokerFactory> found = new ArrayList<>();
            ServiceLoader.load(CredentialsBrokerFactory.class, loader).forEach(found::add);
            assertEquals(1, found.size());
            CredentialsBrokerFactory factory = found.get(0);
            assertEquals("aws-sts", factory.id());
            assertNotEquals(AwsStsBrokerFactory.class, factory.getClass(), "loaded from the jar, not the classpath");
            factory.init(new ProviderConfig(Map.of("endpoint", sts.endpoint())));
            try (CredentialsBroker broker = factory.create(ProviderContext.of(Optional.empty(),
                    Clock.systemUTC()))) {
                IssuedCredentials issued = broker.issue(request(ROLE));
                assertTrue(issued.accessKeyId().startsWith("ASIA"));
                CredentialsException refused = assertThrows(CredentialsException.class,
                        () -> broker.issue(request("arn:aws:iam::123456789012:role/other")));
                assertEquals(CredentialsException.Reason.ROLE_REFUSED, refused.reason());
            } finally {
                factory.close();
            }
        }
    }

    private static CredentialsRequest request(String role) {
        return new CredentialsRequest("us-east-1:7d1e0c4a-3b2f-4e5d-8c9b-0a1f2e3d4c5b",
                "us-east-1:0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e", role, true, List.of("authenticated"),
                Optional.of("header.payload.signature"), Map.of(), Duration.ofHours(1));
    }

    /** The JDK, and gatehouse-api from this test's class path: no SDK, no SLF4J, none of the module's classes. */
    private static ClassLoader apiOnly() {
        ClassLoader tests = ShadedJarIT.class.getClassLoader();
        return new ClassLoader("api-only", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.gatehouse.api.")) {
                    return tests.loadClass(name);
                }
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return name.startsWith("io/gatehouse/api/") ? tests.getResource(name) : super.getResource(name);
            }
        };
    }
}
