package io.gatehouse.it.mpjwt;

import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A small resource server, built at test time as any customer would write it: a JAX-RS application protected
 * by MicroProfile JWT, configured with a pool's JWKS and issuer. Its one endpoint returns the caller's
 * {@code username} claim to access tokens (Liberty's {@code groupNameAttribute="token_use"} makes that the role).
 */
final class ResourceServerWar {

    private static final String APP = """
            package example;
            import jakarta.ws.rs.ApplicationPath;
            import jakarta.ws.rs.core.Application;
            import org.eclipse.microprofile.auth.LoginConfig;
            @ApplicationPath("/api")
            @LoginConfig(authMethod = "MP-JWT")
            public class ResourceApp extends Application { }
            """;

    private static final String RESOURCE = """
            package example;
            import jakarta.annotation.security.RolesAllowed;
            import jakarta.enterprise.context.RequestScoped;
            import jakarta.inject.Inject;
            import jakarta.ws.rs.GET;
            import jakarta.ws.rs.Path;
            import jakarta.ws.rs.Produces;
            import org.eclipse.microprofile.jwt.JsonWebToken;
            @Path("/me")
            @RequestScoped
            public class Me {
                @Inject JsonWebToken jwt;
                @GET
                @Produces("text/plain")
                @RolesAllowed("access")
                public String me() { return jwt.getClaim("username"); }
            }
            """;

    private ResourceServerWar() {
    }

    /** Builds the WAR for a pool whose issuer is {@code issuer}. */
    static Path build(Path dir, String issuer) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        compile(classes, List.of(source("example.ResourceApp", APP), source("example.Me", RESOURCE)));
        Path config = Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(config.resolve("microprofile-config.properties"),
                "mp.jwt.verify.publickey.location=" + issuer + "/.well-known/jwks.json\n"
                        + "mp.jwt.verify.issuer=" + issuer + "\n");
        Path war = dir.resolve("resource-server.war");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry("WEB-INF/classes/" + classes.relativize(file).toString()
                        .replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return war;
    }

    private static void compile(Path classes, List<SimpleJavaFileObject> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("--release", "17", "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString());
        if (!compiler.getTask(diagnostics, null, null, options, null, sources).call()) {
            throw new IllegalStateException("the resource server did not compile:\n" + diagnostics);
        }
    }

    private static SimpleJavaFileObject source(String className, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }
}
