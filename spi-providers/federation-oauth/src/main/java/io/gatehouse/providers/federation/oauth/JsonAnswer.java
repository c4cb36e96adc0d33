package io.gatehouse.providers.federation.oauth;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import java.text.ParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON object an IdP's API answers (a profile, Facebook's Graph API), or why there is none: an OAuth error
 * ({@code {"error":"invalid_token"}}) or Facebook's Graph error ({@code {"error":{"type":"OAuthException",
 * "code":190}}}), named by its code and type but never its message, which may echo what was sent.
 */
public final class JsonAnswer {

    /** Enough for any profile; a larger answer is not one. */
    private static final int SIZE_LIMIT = 256 * 1024;
    private static final Pattern SHOWN = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private JsonAnswer() {
    }

    /**
     * The answer's object. A server error or an unreachable IdP is {@code UNAVAILABLE} before this (see
     * {@link UpstreamHttp#exchange}).
     *
     * @param what what answered, for messages: "the IdP's profile endpoint"
     * @throws FederationException {@code INVALID_RESPONSE} when it answered an error or no JSON object
     */
    public static Map<String, Object> object(HTTPResponse response, String what) throws FederationException {
        Map<String, Object> json = parsed(response.getBody());
        if (response.getStatusCode() != 200) {
            throw new FederationException(Reason.INVALID_RESPONSE, what + " answered HTTP "
                    + response.getStatusCode() + (json == null ? "" : errorOf(json)));
        }
        if (json == null) {
            throw new FederationException(Reason.INVALID_RESPONSE, what + " answered no JSON object");
        }
        return json;
    }

    private static Map<String, Object> parsed(String body) {
        if (body == null || body.length() > SIZE_LIMIT) {
            return null;
        }
        try {
            return JSONObjectUtils.parse(body, SIZE_LIMIT);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String errorOf(Map<String, Object> json) {
        Object error = json.get("error");
        if (error instanceof Map<?, ?> graph) {
            return " (" + shown(graph.get("type")) + " " + shown(graph.get("code")) + ")";
        }
        return error == null ? "" : " (" + shown(error) + ")";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return SHOWN.matcher(text).matches() ? text : "?";
    }
}
