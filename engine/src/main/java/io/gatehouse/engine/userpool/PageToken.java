package io.gatehouse.engine.userpool;

import io.gatehouse.engine.error.ServiceException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque pagination tokens: the key of the last item of a page, so the next page starts strictly after it
 * (keyset paging: stable while items are added or removed, and cheap at any depth).
 */
public final class PageToken {

    private static final String VERSION = "1:";

    private PageToken() {
    }

    public static String encode(String kind, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((VERSION + kind + ":" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key in a token of this kind, or empty for no token.
     *
     * @throws ServiceException {@code InvalidParameterException} for a token this server did not issue for this kind
     */
    public static Optional<String> decode(String kind, Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String prefix = VERSION + kind + ":";
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (plain.startsWith(prefix) && plain.length() > prefix.length()) {
                return Optional.of(plain.substring(prefix.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ServiceException.invalidParameter("Invalid pagination token.");
    }
}
