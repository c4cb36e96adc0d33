package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.oauth.AuthorizationRequest;
import io.gatehouse.engine.oauth.RedirectParameters;
import io.gatehouse.engine.threat.breach.CompromisedCredentials;
import io.gatehouse.engine.threat.lockout.PasswordAttemptsExceeded;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every sign-in page shows and carries: its language, the authorization request (as the query string of its
 * form and links, so the pages stay stateless), the CSRF token, the client's name and branding, and a message.
 */
final class PageModel {

    private final Map<String, Object> values = new HashMap<>();
    private final Locale locale;

    PageModel(Browser browser, AuthorizationRequest request, Branding branding) {
        this.locale = browser.locale(request.parameters().get("lang"));
        values.put("lang", locale.getLanguage());
        values.put("query", RedirectParameters.encode(request.parameters()));
        values.put("queryEn", withLang(request, "en"));
        values.put("queryKo", withLang(request, "ko"));
        values.put("csrf", browser.csrfToken());
        values.put("clientName", request.client().clientName());
        values.put("cssUrl", branding.cssUrl());
        values.put("logoUrl", branding.logoUrl());
        values.put("selfSignUp", branding.selfSignUp());
        values.put("usernameLabel", branding.usernameLabel());
    }

    private static String withLang(AuthorizationRequest request, String lang) {
        Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
        parameters.put("lang", lang);
        return RedirectParameters.encode(parameters);
    }

    boolean selfSignUp() {
        return Boolean.TRUE.equals(values.get("selfSignUp"));
    }

    Locale locale() {
        return locale;
    }

    PageModel put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** An error on the page, in the page's language where the bundle words it, else the service's own words. */
    PageModel error(ServiceException e) {
        // A locked user's refusal is a NotAuthorizedException like a wrong password's, and a breached password is
        // Cognito's InvalidPasswordException like any refused one, but each says something else to the user.
        String key = e instanceof PasswordAttemptsExceeded ? "error.passwordAttemptsExceeded"
                : CompromisedCredentials.REFUSED.equals(e.getMessage()) ? "error.compromisedPassword"
                : "error." + e.type();
        String translated = BundleMessages.message(locale, key, e.getMessage());
        return put("error", translated != null ? translated : e.getMessage());
    }

    /** An error or notice from the bundle. */
    PageModel message(String kind, String key) {
        return put(kind, BundleMessages.message(locale, key));
    }

    Map<String, Object> values() {
        return values;
    }
}
