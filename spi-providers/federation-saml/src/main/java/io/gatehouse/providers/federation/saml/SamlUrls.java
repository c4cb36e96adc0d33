package io.gatehouse.providers.federation.saml;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rule for URLs this module sends the browser or itself to: absolute {@code https}, without credentials or
 * fragment; plain {@code http} only for loopback (development and test IdPs), as the OIDC types have it.
 */
final class SamlUrls {

    private SamlUrls() {
    }

    /** An endpoint of the IdP's metadata, checked. */
    static URI endpoint(String value, String what) throws MetadataException {
        try {
            return checked(value);
        } catch (IllegalArgumentException e) {
            throw new MetadataException("the metadata's " + what + " has an unusable Location: " + e.getMessage());
        }
    }

    /**
     * The URL, checked.
     *
     * @throws IllegalArgumentException saying why it is refused (without the URL, which the caller names)
     */
    static URI checked(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("it is empty");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("it is not an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("it has credentials or a fragment");
        }
        if (scheme.equals("https") || (scheme.equals("http") && isLoopback(uri.getHost()))) {
            return uri;
        }
        throw new IllegalArgumentException("it must be https (http only for localhost)");
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: no name is looked up to decide.
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
