package io.gatehouse.engine.hostedui;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.users.CodeDelivery;
import io.gatehouse.engine.users.MfaCodeStep;
import io.gatehouse.engine.users.MfaSetupStep;
import io.gatehouse.engine.users.NewPasswordStep;
import io.gatehouse.engine.users.PasswordService;
import io.gatehouse.engine.users.SelectMfaTypeStep;
import io.gatehouse.engine.users.SignInService;
import io.gatehouse.engine.users.SignUpService;
import io.gatehouse.engine.users.SoftwareTokens;
import io.gatehouse.engine.userpool.SecretHash;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login}: the sign-in form, and {@code /forceChangePassword}, the NEW_PASSWORD_REQUIRED step of a user who
 * signed in with a temporary password. Both sign the browser in and send it back to the client.
 */
@RequestScoped
@Path("")
public class LoginPage {

    @Inject
    PageSupport support;

    @Inject
    SignInService signIns;

    @Inject
    NewPasswordStep newPasswordStep;

    @Inject
    MfaCodeStep mfaCodes;

    @Inject
    SelectMfaTypeStep selectStep;

    @Inject
    MfaSetupStep setUpStep;

    @Inject
    SoftwareTokens softwareTokens;

    @Inject
    SignUpService signUps;

    @Inject
    PasswordService passwords;

    @Inject
    FederatedSignIn federated;

    @Context
    UriInfo uri;

    @GET
    @Path("login")
    public Response form() {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Optional<SignInFlow.SignedIn> signedIn = support.flow().current(support.browser(), request);
            if (signedIn.isPresent() && !request.forceLogin()) {
                return support.flow().finish(support.browser(), request, signedIn.get());
            }
            PageModel model = support.model(request).put("username", Optional.ofNullable(request.loginHint())
                    .orElse("")).put("idpLinks", federated.links(request));
            if (federated.asksForIdentifier(request)) {
                model.put("identifierFields", FederatedSignIn.withoutIdp(request));
            }
            return support.render(200, "login", model, request);
        });
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Map<String, String> fields = support.fields(form, request);
            String username = PageSupport.value(fields, "username");
            PageModel model = support.model(request).put("username", username);
            SignInService.PasswordProven proven;
            try {
                proven = support.guess(() -> signIns.provePassword(request.client(), username,
                        fields.getOrDefault("password", "")));
            } catch (ServiceException e) {
                return refused(request, username, model, e);
            }
            if (proven.newPasswordSession() != null) {
                model.put("session", proven.newPasswordSession())
                        .put("fields", SignUpFields.required(proven.missingAttributes(), model.locale()));
                return support.render(200, "new-password", model, request);
            }
            if (proven.secondFactor() != null) {
                return secondFactorPage(200, request, model, proven.secondFactor());
            }
            try {
                return support.flow().signedIn(support.browser(), request, proven.user());
            } catch (ServiceException e) {
                // A trigger refused the sign-in (PostAuthentication), or tokens could not be made for it.
                return support.render(400, "login", model.error(e), request);
            }
        });
    }

    /**
     * The second factor's page: a code to enter (an authenticator app's, or one sent by SMS or e-mail), or the
     * methods to choose among.
     */
    private Response secondFactorPage(int status, AuthorizationRequest request, PageModel model,
                                      AuthStep.Challenged challenge) {
        if ("MFA_SETUP".equals(challenge.name())) {
            List<String> canSetUp = new ArrayList<>();
            Json.parse(challenge.parameters().get("MFAS_CAN_SETUP")).forEach(m -> canSetUp.add(m.asText()));
            model.put("emailSetup", canSetUp.contains(PoolMfa.EMAIL_OTP));
            if (!canSetUp.contains(PoolMfa.SOFTWARE_TOKEN_MFA)) {
                return setUpPage(status, request, model, challenge.session(), null, null);
            }
            SoftwareTokens.Associated associated = softwareTokens.associate(null, challenge.session());
            return setUpPage(status, request, model, associated.session(), associated.secretCode(),
                    associated.otpauthUri());
        }
        boolean known = List.of(PoolMfa.SOFTWARE_TOKEN_MFA, PoolMfa.SMS_MFA, PoolMfa.EMAIL_OTP)
                .contains(challenge.name());
        model.put("session", challenge.session()).put("challenge", challenge.name())
                .put("explainKey", "mfa.explain." + (known ? challenge.name() : "other"));
        String destination = challenge.parameters().get("CODE_DELIVERY_DESTINATION");
        if (destination != null) {
            model.put("destination", destination);
        }
        String choices = challenge.parameters().get("MFAS_CAN_CHOOSE");
        if (choices != null) {
            List<String> methods = new ArrayList<>();
            Json.parse(choices).forEach(m -> methods.add(m.asText()));
            model.put("choices", methods);
        }
        return support.render(status, "mfa", model, request);
    }

    /**
     * Setting up a second factor inside the sign-in (MFA_SETUP): an authenticator app, its secret as a QR code and
     * as text (when {@code secret} is not null), and where the pool allows it an e-mail address to send codes to.
     */
    private Response setUpPage(int status, AuthorizationRequest request, PageModel model, String session,
                               String secret, String otpauthUri) {
        model.put("session", session).put("challenge", "MFA_SETUP");
        if (secret != null) {
            model.put("secret", secret).put("otpauth", otpauthUri)
                    .put("qr", QrCode.svg(otpauthUri, BundleMessages.message(model.locale(), "mfaSetup.qr")));
        }
        return support.render(status, "mfa-setup", model, request);
    }

    @POST
    @Path("mfa")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response secondFactor(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Map<String, String> fields = support.fields(form, request);
            String username = PageSupport.value(fields, "username");
            String session = PageSupport.value(fields, "session");
            String challenge = PageSupport.value(fields, "challenge");
            PageModel model = support.model(request).put("username", username);
            try {
                if ("MFA_SETUP".equals(challenge) && fields.containsKey("email")) {
                    return secondFactorPage(200, request, model, setUpStep.emailOnPage(request.client(), session,
                            username, PageSupport.value(fields, "email")));
                }
                if ("MFA_SETUP".equals(challenge)) {
                    SoftwareTokens.Verified verified = support.guess(() -> softwareTokens.verify(null, session,
                            PageSupport.value(fields, "code")));
                    return support.flow().signedIn(support.browser(), request,
                            setUpStep.finishOnPage(request.client(), verified.session(), username));
                }
                if (fields.containsKey("choice")) {
                    return secondFactorPage(200, request, model, selectStep.chooseOnPage(request.client(), session,
                            username, PageSupport.value(fields, "choice")));
                }
                UserRecord user = support.guess(() -> mfaCodes.answerOnPage(request.client(), challenge, session,
                        username, PageSupport.value(fields, "code")));
                return support.flow().signedIn(support.browser(), request, user);
            } catch (ServiceException e) {
                if ("MFA_SETUP".equals(challenge) && !"NotAuthorizedException".equals(e.type())) {
                    // A wrong code or a refused address leaves the set-up session as it was: the same secret, or
                    // another address, takes another try.
                    model.put("emailSetup", setUpStep.offersEmail(request.client()));
                    return setUpPage(400, request, model.error(e), session, fields.get("secret"),
                            fields.get("otpauth"));
                }
                if ("CodeMismatchException".equals(e.type())) {
                    // The same session takes a few more tries before it ends.
                    String destination = fields.get("destination");
                    return secondFactorPage(400, request, model.error(e), new AuthStep.Challenged(challenge, session,
                            destination == null ? Map.of() : Map.of("CODE_DELIVERY_DESTINATION", destination)));
                }
                // The session ended (too many wrong codes, expired): sign in again.
                return support.render(400, "login", model.error(e), request);
            }
        });
    }

    /**
     * A refused sign-in: an unconfirmed user gets a new code and the confirmation page, a user whose password was
     * reset by an administrator a reset code and the reset page, as Cognito's hosted UI does; others the error.
     */
    private Response refused(AuthorizationRequest request, String username, PageModel model, ServiceException e) {
        String secretHash = SecretHash.of(request.client(), username);
        try {
            switch (e.type()) {
                case "UserNotConfirmedException" -> {
                    CodeDelivery delivery = signUps.resend(request.client().clientId(), secretHash, username,
                            Map.of());
                    model.put("destination", delivery.destination()).message("info", "confirm.sent");
                    return support.render(200, "confirm", model, request);
                }
                case "PasswordResetRequiredException" -> {
                    CodeDelivery delivery = passwords.forgotPassword(request.client().clientId(), secretHash,
                            username, Map.of());
                    model.put("destination", delivery.destination()).message("info", "reset.required");
                    return support.render(200, "reset", model, request);
                }
                default -> {
                    return support.render(400, "login", model.error(e), request);
                }
            }
        } catch (ServiceException next) {
            return support.render(400, "login", model.error(next), request);
        }
    }

    @POST
    @Path("forceChangePassword")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response newPassword(MultivaluedMap<String, String> form) {
        return support.guard(uri, query -> {
            AuthorizationRequest request = support.request(query);
            Map<String, String> fields = support.fields(form, request);
            String username = PageSupport.value(fields, "username");
            String session = PageSupport.value(fields, "session");
            String password = fields.getOrDefault("password", "");
            PageModel model = support.model(request).put("username", username).put("session", session);
            try {
                // The attributes asked for are those the pool requires and the user lacks, never names the form
                // sends: a form naming others could otherwise write them.
                List<String> names = newPasswordStep.attributesAsked(request.client(), session);
                Map<String, String> attributes = PageSupport.filled(fields, names);
                model.put("fields", SignUpFields.required(names, model.locale())).put("values", attributes);
                if (!password.equals(fields.getOrDefault("confirmPassword", ""))) {
                    return support.render(400, "new-password", model.message("error", "error.passwordsDiffer"),
                            request);
                }
                UserRecord user = newPasswordStep.choose(request.client(), session, username, password, attributes);
                Optional<AuthStep.Challenged> secondFactor = signIns.secondFactorForPage(request.client(), user);
                if (secondFactor.isPresent()) {
                    return secondFactorPage(200, request, support.model(request).put("username", username),
                            secondFactor.get());
                }
                return support.flow().signedIn(support.browser(), request, user);
            } catch (ServiceException e) {
                if ("NotAuthorizedException".equals(e.type())) {
                    // The session was spent or expired: start again from the sign-in form.
                    return support.render(400, "login", model.error(e), request);
                }
                return support.render(400, "new-password", model.error(e), request);
            }
        });
    }
}
