package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.engine.error.ServiceException;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Where the notice e-mail's one-click links lead. Opening a link only shows a button: mail scanners and link
 * previews open links unasked, and must not answer for the user; the button's POST gives the feedback, as
 * UpdateAuthEventFeedback would.
 */
@Path(AuthEventFeedbackPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class AuthEventFeedbackPage {

    /** The page's path under the server's base URL. */
    public static final String PATH = "auth-events/feedback";

    @Inject
    AuthEventFeedback feedback;

    @GET
    public Response ask(@QueryParam("user_pool_id") String pool, @QueryParam("username") String username,
                        @QueryParam("event_id") String eventId, @QueryParam("token") String token,
                        @QueryParam("value") String value) {
        if (!complete(pool, username, eventId, token, value)) {
            return page(400, "This link is incomplete.");
        }
        String question = AuthEvent.VALID.equals(value) ? "Confirm that this sign-in was you"
                : "Report that this sign-in was not you";
        return Response.ok(html(question, "<form method=\"post\">"
                + hidden("user_pool_id", pool) + hidden("username", username) + hidden("event_id", eventId)
                + hidden("token", token) + hidden("value", value)
                + "<button type=\"submit\">" + question + "</button></form>")).build();
    }

    @POST
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@FormParam("user_pool_id") String pool, @FormParam("username") String username,
                           @FormParam("event_id") String eventId, @FormParam("token") String token,
                           @FormParam("value") String value) {
        if (!complete(pool, username, eventId, token, value)) {
            return page(400, "This link is incomplete.");
        }
        try {
            feedback.byUser(pool, username, eventId, token, value);
        } catch (ServiceException e) {
            return page(400, "This link is not valid.");
        }
        return page(200, AuthEvent.VALID.equals(value) ? "Thank you: the sign-in is marked as yours."
                : "Thank you: the sign-in is marked as not yours. Change your password now.");
    }

    private static boolean complete(String pool, String username, String eventId, String token, String value) {
        return pool != null && username != null && eventId != null && token != null
                && (AuthEvent.VALID.equals(value) || AuthEvent.INVALID.equals(value));
    }

    private static Response page(int status, String message) {
        return Response.status(status).entity(html(message, "")).type(MediaType.TEXT_HTML).build();
    }

    private static String html(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
