package io.gatehouse.engine.userpool;

import io.gatehouse.engine.error.ServiceException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * What an app client may register as a callback or sign-out URL, as Cognito words it: an absolute URI without a
 * fragment, HTTPS except on the loopback host (for development), or an app's own scheme ({@code myapp://cb}). The
 * server redirects browsers there with codes and tokens, so a URL that cannot be parsed, or that the browser would
 * run or render itself, is refused when the client is saved rather than when a user is signed in.
 */
final class RedirectUris {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob",
            "about");

    private RedirectUris() {
    }

    /** @throws ServiceException {@code InvalidParameterException} naming the member and the URL */
    static void check(String member, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(member, url, "it is not a valid URI");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw invalid(member, url, "it must be an absolute URI with a scheme and //");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(member, url, "it must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(member, url, "it must not have a fragment");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            throw invalid(member, url, "the " + scheme + " scheme is not allowed");
        }
        boolean loopback = uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (scheme.equals("http") && !loopback) {
            throw invalid(member, url, "http is allowed only for localhost; use https");
        }
        if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() == null) {
            throw invalid(member, url, "it has no host");
        }
    }

    private static ServiceException invalid(String member, String url, String why) {
        return ServiceException.invalidParameter("Invalid " + member + " entry " + url + ": " + why + ".");
    }
}
