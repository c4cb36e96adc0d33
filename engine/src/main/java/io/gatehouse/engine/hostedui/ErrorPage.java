package io.gatehouse.engine.hostedui;

import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The page a user sees when a request cannot go back to the client: never a stack trace. What went wrong is said in
 * the page's language where the error code has words in the bundle ({@code errorPage.<code>}), with the technical
 * description (English) beneath for whoever supports the application.
 */
final class ErrorPage {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());
    /** The last resort, should the error template itself fail: plain, fixed, and still no stack trace. */
    private static final String FALLBACK = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Something went wrong</title></head><body><main><h1>Something went wrong</h1>"
            + "<p id=\"error\" role=\"alert\">The sign-in page could not be shown. Go back to the application and try "
            + "again.</p></main></body></html>";

    private ErrorPage() {
    }

    static Response render(Browser browser, Pages pages, int status, String error, String description, String lang) {
        Locale locale = browser.locale(lang);
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("summary", BundleMessages.message(locale, "errorPage." + error));
        model.put("description", description);
        model.put("lang", locale.getLanguage());
        String html;
        try {
            html = pages.render("error", locale, model);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The error page failed", e);
            html = FALLBACK;
            status = 500;
        }
        return browser.page(status, html, null);
    }
}
