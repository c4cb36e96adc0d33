package io.gatehouse.engine.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Where a provider class came from: its jar (or class directory) and what that jar's manifest declares.
 *
 * @param location   the jar's or directory's file name, for operators ("ldap-provider-1.2.jar")
 * @param apiVersion the {@code Gatehouse-Provider-Api} manifest attribute, if any
 * @param version    the jar's {@code Implementation-Version}, or {@code unknown}
 */
public record ProviderOrigin(String location, Optional<String> apiVersion, String version) {

    static final String UNKNOWN = "unknown";

    /** Finds the origin of {@code type} from the URL its class loader gives for its class file. */
    public static ProviderOrigin of(Class<?> type, String apiAttribute) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader();
        URL url = loader == null ? null : loader.getResource(resource);
        if (url == null) {
            return new ProviderOrigin(UNKNOWN, Optional.empty(), UNKNOWN);
        }
        Optional<Manifest> manifest;
        String location;
        String external = url.toExternalForm();
        int separator = external.indexOf("!/");
        if (separator > 0) {
            // jar:file:/x.jar!/a/B.class, or Liberty's wsjar:file:/x.jar!/a/B.class
            String jarUrl = external.substring(external.indexOf(':') + 1, separator);
            Optional<Path> jar = toPath(jarUrl);
            location = jar.map(p -> p.getFileName().toString()).orElse(jarUrl);
            manifest = jar.flatMap(ProviderOrigin::jarManifest);
        } else {
            Optional<Path> classFile = toPath(external);
            Optional<Path> root = classFile.map(p -> rootOf(p, resource));
            location = root.map(Path::toString).orElse(external);
            manifest = root.flatMap(r -> fileManifest(r.resolve("META-INF/MANIFEST.MF")));
        }
        Optional<Attributes> main = manifest.map(Manifest::getMainAttributes);
        return new ProviderOrigin(location,
                main.map(a -> a.getValue(apiAttribute)),
                main.map(a -> a.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).orElse(UNKNOWN));
    }

    private static Path rootOf(Path classFile, String resource) {
        Path root = classFile;
        for (int i = resource.split("/").length; i > 0 && root != null; i--) {
            root = root.getParent();
        }
        return root == null ? classFile : root;
    }

    private static Optional<Path> toPath(String url) {
        try {
            URL parsed = new URL(url);
            return "file".equals(parsed.getProtocol()) ? Optional.of(Paths.get(parsed.toURI())) : Optional.empty();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Manifest> jarManifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.ofNullable(file.getManifest());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Manifest> fileManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new Manifest(in));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
