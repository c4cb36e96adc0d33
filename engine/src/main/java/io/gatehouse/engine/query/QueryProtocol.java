package io.gatehouse.engine.query;

import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The AWS Query protocol on this server's endpoint ({@code POST /}, form-encoded {@code Action=...&Version=...}, XML
 * answers), for the services it speaks besides the JSON ones: STS ({@code 2011-06-15}, for identity pools'
 * credentials) and the part of IAM that identity pools refer to ({@code 2010-05-08}, its OpenID Connect providers).
 * Each action is a {@link QueryAction} of its service's version; anything else is refused in STS's words, the
 * service AWS SDKs most often point here.
 */
@ApplicationScoped
public class QueryProtocol {

    /** STS's version and namespace, in which requests of no known version are refused. */
    public static final String STS_VERSION = "2011-06-15";
    public static final String STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    @Inject
    Instance<QueryAction> actions;

    private Map<String, QueryAction> byKey;

    @PostConstruct
    void init() {
        byKey = actions.stream().collect(Collectors.toUnmodifiableMap(a -> key(a.version(), a.name()), a -> a));
    }

    private static String key(String version, String action) {
        return version + " " + action;
    }

    /** Answers one request. */
    public QueryAnswer handle(SignedRequest request, String requestId) {
        Map<String, String> form = form(request.body());
        String version = form.getOrDefault("Version", "");
        String action = form.getOrDefault("Action", "");
        if (byKey.keySet().stream().noneMatch(k -> k.startsWith(version + " "))) {
            return error(STS_NAMESPACE, 400, "InvalidParameterValue", "Version must be " + STS_VERSION + ".",
                    requestId);
        }
        QueryAction handler = byKey.get(key(version, action));
        if (handler == null) {
            return error(STS_NAMESPACE, 400, "InvalidAction", "Could not find operation " + action
                    + " for version " + version + ".", requestId);
        }
        return handler.handle(request, form, requestId);
    }

    /** An error answer: the caller's ({@code Sender}) below 500, the server's ({@code Receiver}) from 500. */
    public static QueryAnswer error(String namespace, int status, String code, String message, String requestId) {
        return new QueryAnswer(status, code, QueryXml.error(namespace, status < 500, code, message, requestId));
    }

    /** The form's fields; a field given twice keeps its first value. */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // A malformed escape: the field is ignored, as if it were not sent.
            }
        }
        return fields;
    }
}
