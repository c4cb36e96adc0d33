package io.gatehouse.engine.hostedui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The hosted UI's own stylesheet, and the one script (which posts a form page on, for SAML's HTTP-POST binding), from
 * the class path: the pages' CSP allows styles and scripts from this origin only.
 */
@Path("hosted-ui")
public class StaticResources {

    private static final byte[] STYLESHEET = read("gatehouse.css");
    private static final byte[] FORM_POST_SCRIPT = read("form-post.js");

    @GET
    @Path("gatehouse.css")
    public Response stylesheet() {
        return Response.ok(STYLESHEET, "text/css; charset=UTF-8")
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("form-post.js")
    public Response formPostScript() {
        return Response.ok(FORM_POST_SCRIPT, "text/javascript; charset=UTF-8")
                .header("Cache-Control", "public, max-age=3600")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the engine");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
