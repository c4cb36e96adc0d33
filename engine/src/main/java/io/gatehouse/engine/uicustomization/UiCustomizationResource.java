package io.gatehouse.engine.uicustomization;

import io.gatehouse.engine.error.ServiceException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.function.Function;

/**
 * The hosted UI branding a client's sign-in pages show ({@link UiCustomizations#effective}): the logo and the CSS,
 * public as Cognito's are, at {@code /ui-customization/<poolId>/<clientId or ALL>/logo} and {@code .../css}. An
 * unknown pool or client, or nothing to show, is a 404.
 */
@Path(UiCustomizationResource.PATH + "/{poolId: [\\w-]+_[0-9a-zA-Z]+}/{clientId: [\\w+]+}")
public class UiCustomizationResource {

    static final String PATH = "ui-customization";

    /** Short, as a changed logo or CSS should show soon; the URLs Gatehouse hands out change with each set. */
    private static final String CACHE_CONTROL = "public, max-age=300";

    @Inject
    UiCustomizations customizations;

    @GET
    @Path("logo")
    public Response logo(@PathParam("poolId") String poolId, @PathParam("clientId") String clientId) {
        return serve(poolId, clientId, c -> c.imageType() == null ? null
                : Response.ok(c.image(), c.imageType()));
    }

    @GET
    @Path("css")
    public Response css(@PathParam("poolId") String poolId, @PathParam("clientId") String clientId) {
        return serve(poolId, clientId, c -> c.css() == null ? null
                : Response.ok(c.css(), "text/css; charset=utf-8"));
    }

    private Response serve(String poolId, String clientId,
                           Function<UiCustomization, Response.ResponseBuilder> asset) {
        Optional<UiCustomization> customization;
        try {
            customization = customizations.effective(poolId, clientId);
        } catch (ServiceException e) {
            return notFound();
        }
        return customization.map(asset)
                // nosniff: the content type was decided from the bytes on upload, and a browser must not
                // second-guess it into something that runs.
                .map(r -> r.header("Cache-Control", CACHE_CONTROL).header("X-Content-Type-Options", "nosniff")
                        .build())
                .orElseGet(UiCustomizationResource::notFound);
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).header("X-Content-Type-Options", "nosniff").build();
    }
}
