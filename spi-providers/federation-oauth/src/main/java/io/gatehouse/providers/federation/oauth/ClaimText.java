package io.gatehouse.providers.federation.oauth;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims as {@link io.gatehouse.api.federation.UpstreamIdentity} holds them: a string claim as it is, any other as
 * its JSON text ({@code true}, {@code 1700000000}, {@code {"country":"NO"}}, {@code ["a","b"]}), so the pool's
 * attribute mapping can put any claim into a string attribute. A null claim is no claim.
 */
public final class ClaimText {

    private ClaimText() {
    }

    /** Later maps win over earlier ones. */
    @SafeVarargs
    public static Map<String, String> flatten(Map<String, Object>... sources) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (Map<String, Object> source : sources) {
            source.forEach((name, value) -> {
                if (value != null) {
                    claims.put(name, text(value));
                }
            });
        }
        return claims;
    }

    @SuppressWarnings("unchecked")
    public static String text(Object value) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof Map<?, ?> map) {
            return JSONObjectUtils.toJSONString((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            return JSONArrayUtils.toJSONString(list);
        }
        // Numbers and booleans: their JSON text is their own.
        return String.valueOf(value);
    }
}
