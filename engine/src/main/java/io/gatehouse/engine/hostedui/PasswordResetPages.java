package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.users.CodeDelivery;
import io.gatehouse.engine.users.PasswordService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;

/**
 * {@code /forgotPassword} and {@code /confirmForgotPassword}: a reset code sent to the user's verified address
 * (ForgotPassword), then the code and a new password (ConfirmForgotPassword), then the sign-in form.
 */
@RequestScoped
@Path("")
public class PasswordResetPages {

    @Inject
    PageSupport support;

    @Inject
    PasswordService passwords;

    @Context
    UriInfo uri;

    @GET
    @Path("forgotPassword")
    public Response form() {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            return support.render(200, "forgot", support.model(request).put("username", ""), request);
        });
    }

    @POST
    @Path("forgotPassword")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendCode(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Map<String, String> fields = support.fields(form, request);
            String username = PageSupport.value(fields, "username");
            PageModel model = support.model(request).put("username", username);
            CodeDelivery delivery;
            try {
                delivery = passwords.forgotPassword(request.client().clientId(),
                        SecretHash.of(request.client(), username), username, Map.of());
            } catch (ServiceException e) {
                return support.render(400, "forgot", model.error(e), request);
            }
            model.put("destination", delivery.destination()).message("info", "reset.sent");
            return support.render(200, "reset", model, request);
        });
    }

    @POST
    @Path("confirmForgotPassword")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Map<String, String> fields = support.fields(form, request);
            String username = PageSupport.value(fields, "username");
            String password = fields.getOrDefault("password", "");
            PageModel model = support.model(request).put("username", username);
            if (!password.equals(fields.getOrDefault("confirmPassword", ""))) {
                return support.render(400, "reset", model.message("error", "error.passwordsDiffer"), request);
            }
            try {
                support.guessWithoutResult(() -> passwords.confirmForgotPassword(request.client().clientId(),
                        SecretHash.of(request.client(), username), username, PageSupport.value(fields, "code"),
                        password, Map.of()));
            } catch (ServiceException e) {
                return support.render(400, "reset", model.error(e), request);
            }
            return support.render(200, "login", model.message("info", "reset.done"), request);
        });
    }
}
