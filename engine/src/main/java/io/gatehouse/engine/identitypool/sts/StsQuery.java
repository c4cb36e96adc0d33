package io.gatehouse.engine.identitypool.sts;

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
 * This server as an STS, over the Query protocol ({@code POST /}, form-encoded {@code Action=...&Version=2011-06-15},
 * XML answers): {@link GetCallerIdentity} for callers holding credentials local-sts issued, and
 * {@link AssumeRoleWithWebIdentity} for the identity pools' basic flow and the {@code aws-sts} broker. Errors come as
 * STS's {@code ErrorResponse} with its codes; no other action is answered.
 */
@ApplicationScoped
public class StsQuery {

    private static final String VERSION = "2011-06-15";

    @Inject
    Instance<StsAction> actions;

    private Map<String, StsAction> byName;

    @PostConstruct
    void init() {
        byName = actions.stream().collect(Collectors.toUnmodifiableMap(StsAction::name, a -> a));
    }

    /** Answers one request. */
    public StsAnswer handle(SignedRequest request, String requestId) {
        Map<String, String> form = form(request.body());
        String action = form.getOrDefault("Action", "");
        if (!VERSION.equals(form.get("Version"))) {
            return error(400, "InvalidParameterValue", "Version must be " + VERSION + ".", requestId);
        }
        StsAction handler = byName.get(action);
        if (handler == null) {
            return error(400, "InvalidAction", "Could not find operation " + action + " for version " + VERSION
                    + ".", requestId);
        }
        return handler.handle(request, form, requestId);
    }

    /** An error answer: the caller's ({@code Sender}) below 500, the server's ({@code Receiver}) from 500. */
    public static StsAnswer error(int status, String code, String message, String requestId) {
        return new StsAnswer(status, code, StsXml.error(status < 500, code, message, requestId));
    }

    /** The form's fields; a field given twice keeps its first value. */
    static Map<String, String> form(byte[] body) {
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
