package io.gatehouse.api.testing;

import io.gatehouse.api.provider.ProviderApi;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a real provider jar in a test: compiles Java sources against gatehouse-api with the JDK's compiler,
 * adds a {@code META-INF/services} entry and a manifest, and writes the jar. Shipped in the api test-jar so
 * engine and integration tests build providers exactly as a third party would.
 */
public final class ProviderJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private String apiVersion = ProviderApi.VERSION;
    private String version = "1.0.0";

    /** Adds a class: its fully qualified name and its source. */
    public ProviderJarBuilder source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Lists {@code implementation} under {@code META-INF/services/<serviceType>}. */
    public ProviderJarBuilder service(Class<?> serviceType, String implementation) {
        services.computeIfAbsent(serviceType.getName(), k -> new ArrayList<>()).add(implementation);
        return this;
    }

    /** The {@code Gatehouse-Provider-Api} attribute to declare; null declares none. */
    public ProviderJarBuilder apiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
        return this;
    }

    /** The {@code Implementation-Version} attribute. */
    public ProviderJarBuilder version(String version) {
        this.version = version;
        return this;
    }

    /** Compiles and writes the jar to {@code jar}. */
    public Path build(Path jar) {
        try {
            Path classes = Files.createTempDirectory("provider-classes");
            compile(classes);
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.put(Attributes.Name.IMPLEMENTATION_VERSION, version);
            if (apiVersion != null) {
                main.putValue(ProviderApi.MANIFEST_ATTRIBUTE, apiVersion);
            }
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
                for (Map.Entry<String, List<String>> service : services.entrySet()) {
                    out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
                    out.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path classes) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("tests need a JDK, not a JRE: no system Java compiler");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-classpath", apiJar().toString(),
                    "-d", classes.toString());
            if (!compiler.getTask(diagnostics, files, null, options, null, units).call()) {
                throw new IllegalStateException("provider sources did not compile:\n" + diagnostics);
            }
        }
    }

    /** The jar (or class folder) gatehouse-api was loaded from. */
    private static Path apiJar() {
        try {
            return Paths.get(ProviderApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }

        @Override
        public OutputStream openOutputStream() {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * A minimal user-store provider whose {@code init} fails with {@code failure} when it is not null.
     *
     * @param packageName the package of the generated classes
     * @param id          the provider id
     * @param failure     the message {@code init} fails with, or null to succeed
     */
    public static ProviderJarBuilder userStore(String packageName, String id, String failure) {
        String factory = packageName + ".SampleUserStoreFactory";
        String init = failure == null ? ""
                : "throw new io.gatehouse.api.provider.ProviderInitializationException(\"" + failure + "\");";
        return new ProviderJarBuilder()
                .source(factory, "package " + packageName + ";\n"
                        + "import io.gatehouse.api.provider.*;\n"
                        + "import io.gatehouse.api.userstore.*;\n"
                        + "public class SampleUserStoreFactory implements UserStoreFactory {\n"
                        + "  public String id() { return \"" + id + "\"; }\n"
                        + "  public void init(ProviderConfig config) throws ProviderInitializationException { "
                        + init + " }\n"
                        + "  public UserStore create(UserStoreContext context) { return new UserStore() { }; }\n"
                        + "}\n")
                .service(io.gatehouse.api.userstore.UserStoreFactory.class, factory);
    }
}
