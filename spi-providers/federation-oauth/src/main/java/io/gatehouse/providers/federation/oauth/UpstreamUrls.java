package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for every URL of an IdP: absolute {@code https}, without credentials or fragment. Plain {@code http} is
 * allowed only to this machine (localhost, 127.0.0.0/8, [::1]), where nothing crosses a network: a development or
 * test IdP. Nothing is resolved here, so a name that merely points at a loopback address is still refused.
 */
public final class UpstreamUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

    private UpstreamUrls() {
    }

    /** The URL; refused with a message naming the key and the URL (the URLs of an IdP hold no secret). */
    public static URI check(String key, String value) throws InvalidProviderDetailsException {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidProviderDetailsException(key + " is not a URL");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
            throw new InvalidProviderDetailsException(key + " must be an absolute https URL with a host, not " + value);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidProviderDetailsException(key + " must not carry credentials in the URL");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidProviderDetailsException(key + " must not have a fragment: " + value);
        }
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
            return uri;
        }
        throw new InvalidProviderDetailsException(key + " must use https (plain http only to localhost): " + value);
    }

    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
