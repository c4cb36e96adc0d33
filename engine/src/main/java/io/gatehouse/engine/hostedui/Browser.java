package io.gatehouse.engine.hostedui;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.security.RandomTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The browser on the other end of a hosted UI request: its cookies and language, the CSRF token of its forms, and
 * the answers it gets, every one with the pages' security headers.
 *
 * <p>CSRF protection is the double-submit pattern: a random token in an HttpOnly, SameSite=Lax cookie and the
 * same token in each form; another site can make the browser post a form but can neither read nor set the cookie.
 */
@RequestScoped
public class Browser {

    static final String CSRF_COOKIE = "gatehouse_csrf";
    static final String CSRF_FIELD = "_csrf";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @Inject
    HttpServletRequest request;

    @Inject
    GatehouseConfig config;

    private final List<String> setCookies = new ArrayList<>();
    private String csrf;

    /** The page's language: {@code lang} if it names one the UI speaks, else the browser's Accept-Language. */
    public Locale locale(String lang) {
        return Languages.choose(lang, Collections.list(request.getLocales()));
    }

    /** A cookie's value, or null. */
    public String cookie(String name) {
        String wanted = named(name);
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(wanted)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The token this browser's forms carry; a new one (and its cookie) when it has none. */
    public String csrfToken() {
        if (csrf == null) {
            csrf = cookie(CSRF_COOKIE);
            if (csrf == null || csrf.length() < 32) {
                csrf = RandomTokens.urlSafe(32);
                // Lax, not Strict: a Strict cookie is not sent when the app sends the browser here, so every arrival
                // would mint a new token and break a form left open in another tab. Lax still keeps it off
                // another site's POST, which is what CSRF is.
                setCookie(CSRF_COOKIE, csrf, -1, "Lax");
            }
        }
        return csrf;
    }

    /** Whether a form's token is this browser's. */
    public boolean csrfMatches(Map<String, String> form) {
        String cookie = cookie(CSRF_COOKIE);
        String field = form.get(CSRF_FIELD);
        return cookie != null && cookie.length() >= 32 && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                field.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets a cookie for the whole host: HttpOnly, and Secure whenever the browser keeps a Secure cookie from this
     * origin (HTTPS, or a loopback host, which browsers treat as secure), with the {@code __Host-} prefix then.
     *
     * @param maxAgeSeconds its lifetime, 0 to delete it, negative for the browser session
     */
    public void setCookie(String name, String value, long maxAgeSeconds, String sameSite) {
        StringBuilder header = new StringBuilder(named(name)).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=").append(sameSite);
        if (maxAgeSeconds >= 0) {
            header.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secureOrigin()) {
            header.append("; Secure");
        }
        setCookies.add(header.toString());
    }

    /** The host name the browser asked for (a pool's domain, or the server's own). */
    public String host() {
        return request.getServerName();
    }

    /**
     * A cookie's name as sent: with the {@code __Host-} prefix wherever cookies are Secure, so that the browser takes
     * it only from this host, Secure, for the whole path, and no sibling domain (another pool's, or an app on the
     * same parent domain) can plant a session or CSRF cookie for this one.
     */
    private String named(String name) {
        return secureOrigin() ? "__Host-" + name : name;
    }

    /** Forgets the cookies this answer was to set (it failed, and what they name may not exist). */
    void discardCookies() {
        setCookies.clear();
    }

    /**
     * Whether the browser reached this server over HTTPS (directly, or through a TLS-terminating proxy, which the
     * base URL's scheme tells) or on a loopback host, which browsers treat as secure.
     */
    private boolean secureOrigin() {
        String host = request.getServerName();
        return request.isSecure() || config.baseUrl().startsWith("https:") || LOOPBACK.contains(host)
                || host.endsWith(".localhost");
    }

    /**
     * A page.
     *
     * @param formTarget where a form on the page may end up after the server's redirect (the client's redirect
     *                   URI), which the Content-Security-Policy must allow, or null
     */
    public Response page(int status, String html, URI formTarget) {
        // Bytes, not a String: the JAX-RS runtime (RESTEasy) escapes a String entity of a 400 answer as a guard
        // against reflected HTML, which would show our page as source. Ours is escaped by the templates already.
        return secured(Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html.getBytes(StandardCharsets.UTF_8)), formTarget);
    }

    /**
     * A redirect: 303 after a form (so the browser follows with GET), 302 otherwise. A relative location (one of
     * the pages) is sent as it is, for the browser to resolve against the address it used: the runtime would make
     * it absolute from what the server saw, which behind a TLS-terminating proxy is http and maybe another host.
     */
    public Response redirect(URI location, URI formTarget) {
        int status = "POST".equals(request.getMethod()) ? 303 : 302;
        return secured(Response.status(status).header("Location", location.toString()), formTarget);
    }

    /**
     * A page whose form posts itself on to {@code action} (SAML's HTTP-POST binding): the one page that runs a
     * script, the server's own.
     */
    public Response formPost(String html, URI action) {
        return secured(Response.ok().type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html.getBytes(StandardCharsets.UTF_8)), action, "script-src 'self'; ");
    }

    private Response secured(Response.ResponseBuilder response, URI formTarget) {
        return secured(response, formTarget, "");
    }

    private Response secured(Response.ResponseBuilder response, URI formTarget, String scripts) {
        String formAction = "'self'" + (formTarget == null ? "" : " " + source(formTarget));
        response.header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                        + scripts + "form-action " + formAction + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        setCookies.forEach(c -> response.header("Set-Cookie", c));
        return response.build();
    }

    /** A CSP source for a redirect URI: its origin, or its scheme for an app's own scheme (myapp://callback). */
    private static String source(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return scheme + ":";
        }
        return scheme + "://" + uri.getRawAuthority();
    }
}
