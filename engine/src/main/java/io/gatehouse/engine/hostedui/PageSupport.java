package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.domains.Domains;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.oauth.AuthorizationException;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.oauth.AuthorizationRequests;
import io.gatehouse.engine.threat.lockout.AddressThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the sign-in pages share: reading the authorization request they carry, and rendering themselves. */
@RequestScoped
public class PageSupport {

    private static final Logger LOG = Logger.getLogger(PageSupport.class.getName());

    @Inject
    Browser browser;

    @Inject
    Pages pages;

    @Inject
    AuthorizationRequests requests;

    @Inject
    SignInFlow flow;

    @Inject
    Brandings brandings;

    @Inject
    Domains domains;

    @Inject
    AddressThrottle addressThrottle;

    /** A page's request was refused, shown to the user or sent back to the client. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Response response;

        Refused(Response response) {
            super(null, null, false, false);
            this.response = response;
        }

        Response response() {
            return response;
        }
    }

    /**
     * The authorization request in a page's query string, checked as {@code /oauth2/authorize} checks it.
     *
     * @throws Refused with the answer when it does not pass
     */
    AuthorizationRequest request(MultivaluedMap<String, String> query) {
        try {
            // The domain before anything else about the request: another pool's client gets the domain's error
            // page, not a redirect to its own callback.
            return requests.parse(query, client -> checkDomain(client.userPoolId(), query.getFirst("lang")));
        } catch (AuthorizationException e) {
            throw new Refused(flow.refuse(browser, pages, e, query.getFirst("lang")));
        }
    }

    /**
     * On a pool's domain only that pool's clients sign in: another pool's client there would show its users a page
     * under a name that is not their pool's.
     *
     * @throws Refused with an error page otherwise
     */
    void checkDomain(String userPoolId, String lang) {
        domains.byHost(browser.host()).filter(d -> !d.userPoolId().equals(userPoolId)).ifPresent(d -> {
            throw new Refused(ErrorPage.render(browser, pages, 400, "invalid_client", "The client does not belong "
                    + "to the user pool of " + browser.host() + ".", lang));
        });
    }

    /** The pool whose domain the browser reached, when it reached one rather than the server's own address. */
    Optional<String> poolOfHost() {
        return domains.byHost(browser.host()).map(d -> d.userPoolId());
    }

    PageModel model(AuthorizationRequest request) {
        return new PageModel(browser, request, brandings.of(request.client()));
    }

    /**
     * Where each page's language links go: its own address, or for a page that answers a form (whose address takes
     * only POST) the address that starts its step again.
     */
    private static final Map<String, String> LANGUAGE_LINKS = Map.of("login", "/login", "signup", "/signup",
            "confirm", "/confirmUser", "forgot", "/forgotPassword", "reset", "/forgotPassword",
            "new-password", "/login");

    Response render(int status, String template, PageModel model, AuthorizationRequest request) {
        model.put("languagePath", LANGUAGE_LINKS.getOrDefault(template, "/login"));
        return browser.page(status, pages.render(template, model.locale(), model.values()), request.redirectUri());
    }

    /**
     * A form's fields (the first value of each), after its CSRF token is checked.
     *
     * @throws Refused with a 403 page when the token is missing or not this browser's (a form posted from another
     *                 site, or one older than the browser's cookie)
     */
    Map<String, String> fields(MultivaluedMap<String, String> form, AuthorizationRequest request) {
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? "" : values.get(0)));
        if (!browser.csrfMatches(fields)) {
            Locale locale = browser.locale(request.parameters().get("lang"));
            throw new Refused(ErrorPage.render(browser, pages, 403, "invalid_form",
                    BundleMessages.message(locale, "error.csrf"), locale.getLanguage()));
        }
        return fields;
    }

    /** An error for the client, sent to its redirect URI with the request's state and the pool's issuer. */
    AuthorizationException toClient(AuthorizationRequest request, String error, String description) {
        return AuthorizationException.redirected(error, description, request.redirectUri(), request.state(),
                issuer(request), request.implicit());
    }

    /** Answers the request with an error sent to the client (see {@link #toClient}). */
    Response refuseToClient(AuthorizationRequest request, String error, String description) {
        return flow.refuse(browser, pages, toClient(request, error, description), request.parameters().get("lang"));
    }

    /** The issuer of the request's pool, for the {@code iss} of answers to the client. */
    String issuer(AuthorizationRequest request) {
        return requests.issuer(request.client().userPoolId());
    }

    /** An error page. */
    Response error(int status, String error, String description, String lang) {
        return ErrorPage.render(browser, pages, status, error, description, lang);
    }


    /**
     * Runs a page's handler with the request's query: a refusal becomes its answer, and anything unexpected (a query
     * the container cannot decode, say) is logged and shown as an error page, never as a stack trace. Cookies the
     * handler meant to set are dropped with its answer, since what they stand for may not have been stored.
     */
    Response guard(UriInfo uri, Function<MultivaluedMap<String, String>, Response> handler) {
        MultivaluedMap<String, String> query;
        try {
            query = uri.getQueryParameters();
        } catch (IllegalArgumentException e) {
            // A query the container cannot decode (bad percent-encoding): the request's fault, not ours.
            return ErrorPage.render(browser, pages, 400, "invalid_request", "The request's query is malformed.", null);
        }
        String lang = query.getFirst("lang");
        try {
            return handler.apply(query);
        } catch (Refused refused) {
            return refused.response();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "A hosted UI page failed", e);
            browser.discardCookies();
            return ErrorPage.render(browser, pages, 500, "server_error", "Something went wrong; try again.", lang);
        }
    }

    Browser browser() {
        return browser;
    }

    SignInFlow flow() {
        return flow;
    }

    Pages pages() {
        return pages;
    }

    /** The named fields that were filled in, trimmed; an empty field is left out, as if not sent. */
    static Map<String, String> filled(Map<String, String> fields, Iterable<String> names) {
        Map<String, String> filled = new HashMap<>();
        for (String name : names) {
            String value = value(fields, name);
            if (!value.isEmpty()) {
                filled.put(name, value);
            }
        }
        return filled;
    }

    static String value(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? "" : value.trim();
    }

    /**
     * Runs a form's guess at a secret (a password, a code) under the per-address failure bucket, as the API's
     * guessing operations run: refused with {@code TooManyRequestsException} once the address has failed too often,
     * and counted when wrong.
     */
    <T> T guess(Supplier<T> attempt) {
        return addressThrottle.guard(attempt, ServiceException.class, AddressThrottle::wrongGuess);
    }

    /** {@link #guess(Supplier)} for a guess with no result. */
    void guessWithoutResult(Runnable attempt) {
        guess(() -> {
            attempt.run();
            return null;
        });
    }
}
