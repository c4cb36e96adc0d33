package io.gatehouse.engine.hostedui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hosted UI's own stylesheet, from the class path (the pages' CSP allows styles from this origin only). */
@Path("hosted-ui")
public class StaticResources {

    private static final byte[] STYLESHEET = read("gatehouse.css");

    @GET
    @Path("gatehouse.css")
    public Response stylesheet() {
        return Response.ok(STYLESHEET, "text/css; charset=UTF-8")
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
