package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.CodeDelivery;
import io.gatehouse.engine.users.SignUpService;
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

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /signup} and {@code /confirmUser}: a user registers through the client (SignUp, with the client's
 * SECRET_HASH computed here, since the page acts for the client), then enters the code sent to them
 * (ConfirmSignUp) and signs in.
 */
@RequestScoped
@Path("")
public class SignUpPages {

    @Inject
    PageSupport support;

    @Inject
    SignUpService signUps;

    @Inject
    UserPools pools;

    @Context
    UriInfo uri;

    @GET
    @Path("signup")
    public Response form() {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            PageModel model = support.model(request);
            if (!model.selfSignUp()) {
                return support.render(403, "login", model.message("error", "error.signUpDisabled"), request);
            }
            return render(200, request, model, Map.of());
        });
    }

    @POST
    @Path("signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Map<String, String> fields = support.fields(form, request);
            JsonNode settings = pools.get(request.client().userPoolId()).settings();
            PageModel model = support.model(request);
            if (!model.selfSignUp()) {
                return support.render(403, "login", model.message("error", "error.signUpDisabled"), request);
            }
            Map<String, String> attributes = PageSupport.filled(fields,
                    SignUpFields.of(settings, model.locale()).stream().map(SignUpFields.Field::name).toList());
            String username = SignUpFields.needsUsername(settings) ? PageSupport.value(fields, "username")
                    : firstUsernameAttribute(settings, attributes);
            String password = fields.getOrDefault("password", "");
            if (!password.equals(fields.getOrDefault("confirmPassword", ""))) {
                return render(400, request, model.message("error", "error.passwordsDiffer"), fields);
            }
            SignUpService.Result result;
            try {
                result = signUps.signUp(request.client().clientId(), SecretHash.of(request.client(), username),
                        username, password, attributes, Map.of(), Map.of());
            } catch (ServiceException e) {
                return render(400, request, model.error(e), fields);
            }
            if (result.confirmed()) {
                // Confirmed by the pool's PreSignUp trigger: nothing to confirm, the user signs in.
                return support.render(200, "login", model.put("username", username)
                        .message("info", "confirm.done"), request);
            }
            if (result.delivery().isEmpty()) {
                // Nothing to confirm by code here: an administrator confirms the user.
                return support.render(200, "login", model.put("username", username)
                        .message("info", "signup.awaitingAdmin"), request);
            }
            model.put("username", username).put("destination", result.delivery().get().destination())
                    .message("info", "confirm.sent");
            return support.render(200, "confirm", model, request);
        });
    }

    private static String firstUsernameAttribute(JsonNode settings, Map<String, String> attributes) {
        for (JsonNode attribute : settings.path("UsernameAttributes")) {
            String value = attributes.get(attribute.asText());
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    private Response render(int status, AuthorizationRequest request, PageModel model, Map<String, String> entered) {
        JsonNode settings = pools.get(request.client().userPoolId()).settings();
        List<SignUpFields.Field> fields = SignUpFields.of(settings, model.locale());
        Map<String, String> values = new HashMap<>();
        entered.forEach((name, value) -> {
            if (!name.toLowerCase(Locale.ROOT).contains("password") && !name.equals(Browser.CSRF_FIELD)) {
                values.put(name, value);
            }
        });
        model.put("fields", fields).put("needsUsername", SignUpFields.needsUsername(settings)).put("values", values);
        return support.render(status, "signup", model, request);
    }

    @GET
    @Path("confirmUser")
    public Response confirmForm() {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            return support.render(200, "confirm", support.model(request).put("username",
                    query.getFirst("username") == null ? "" : query.getFirst("username")), request);
        });
    }

    @POST
    @Path("confirmUser")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Map<String, String> fields = support.fields(form, request);
            String username = PageSupport.value(fields, "username");
            String secretHash = SecretHash.of(request.client(), username);
            PageModel model = support.model(request).put("username", username);
            try {
                if (fields.containsKey("resend")) {
                    CodeDelivery delivery = signUps.resend(request.client().clientId(), secretHash, username,
                            Map.of());
                    model.put("destination", delivery.destination()).message("info", "confirm.sent");
                    return support.render(200, "confirm", model, request);
                }
                support.guessWithoutResult(() -> signUps.confirm(request.client().clientId(), secretHash, username,
                        PageSupport.value(fields, "code"), Map.of()));
            } catch (ServiceException e) {
                return support.render(400, "confirm", model.error(e), request);
            }
            return support.render(200, "login", model.message("info", "confirm.done"), request);
        });
    }
}
