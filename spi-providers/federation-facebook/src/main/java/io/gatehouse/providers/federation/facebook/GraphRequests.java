package io.gatehouse.providers.federation.facebook;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import io.gatehouse.providers.federation.oauth.Urls;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Graph API request for the signed-in user: {@code /me} with the fields asked for, the access token as a bearer
 * token, and {@code appsecret_proof}, the HMAC-SHA256 of the access token keyed by the app secret, which Facebook
 * recommends on every server call (and an app can require): a token stolen from elsewhere is useless without the
 * secret.
 */
final class GraphRequests {

    /**
     * The fields asked for when {@code attributes_url} names none (Cognito's default ends in {@code fields=}, to
     * which Cognito adds those of the pool's attribute mapping, which a provider does not see): the public profile
     * and the email address, all that {@code public_profile,email} grants.
     */
    static final String DEFAULT_FIELDS = "id,name,email,first_name,last_name,middle_name,name_format,short_name,"
            + "picture";

    /** The request for {@code attributesUrl}, with its fields (and {@code id} among them) and the proof. */
    HTTPRequest me(URI attributesUrl, String appSecret, AccessToken accessToken) {
        Map<String, List<String>> query = Urls.decode(attributesUrl.getRawQuery());
        String fields = String.join(",", query.getOrDefault("fields", List.of())).trim();
        if (fields.isEmpty()) {
            fields = DEFAULT_FIELDS;
        } else if (!List.of(fields.split(",")).contains("id")) {
            fields = "id," + fields;
        }
        query.put("fields", List.of(fields));
        query.put("appsecret_proof", List.of(proof(appSecret, accessToken.getValue())));
        String base = attributesUrl.toString();
        int q = base.indexOf('?');
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET,
                URI.create((q < 0 ? base : base.substring(0, q)) + "?" + Urls.encode(query)));
        request.setAuthorization(accessToken.toAuthorizationHeader());
        request.setAccept("application/json");
        return request;
    }

    /** Hex of HMAC-SHA256(key = the app secret, message = the access token), as Facebook computes it. */
    static String proof(String appSecret, String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM has no HmacSHA256", e);
        }
    }
}
