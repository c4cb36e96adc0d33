package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This server as an STS, over the Query protocol ({@code POST /}, form-encoded {@code Action=...&Version=2011-06-15},
 * XML answers), for callers holding credentials local-sts issued: {@code GetCallerIdentity} tells them who they are
 * (the assumed role of their identity), which is also how an AWS SDK checks credentials. Errors come as STS's
 * {@code ErrorResponse} with its codes; nothing else is answered.
 */
@ApplicationScoped
public class StsQuery {

    private static final String VERSION = "2011-06-15";

    /** The SigV4 verifier's error types, in STS's words. */
    private static final Map<String, String> CODES = Map.of(
            "MissingAuthenticationTokenException", "MissingAuthenticationToken",
            "IncompleteSignatureException", "IncompleteSignature",
            "InvalidSignatureException", "SignatureDoesNotMatch",
            "UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredTokenException", "ExpiredToken");

    @Inject
    StsCallers callers;

    /** Answers one request. */
    public StsAnswer handle(SignedRequest request, String requestId) {
        Map<String, String> form = form(request.body());
        String action = form.getOrDefault("Action", "");
        if (!VERSION.equals(form.get("Version"))) {
            return error(400, "InvalidParameterValue", "Version must be " + VERSION + ".", requestId);
        }
        if (!action.equals("GetCallerIdentity")) {
            return error(400, "InvalidAction", "Could not find operation " + action + " for version " + VERSION
                    + ".", requestId);
        }
        StsSession caller;
        try {
            caller = callers.authenticate(request);
        } catch (ServiceException e) {
            String code = CODES.getOrDefault(e.type(), "InvalidClientTokenId");
            return error(403, code, e.getMessage(), requestId);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Arn", caller.assumedRoleArn());
        fields.put("UserId", RoleIds.of(caller.roleArn()) + ":" + StsSession.SESSION_NAME);
        fields.put("Account", caller.roleAccount());
        return new StsAnswer(200, null, StsXml.result("GetCallerIdentity", fields, requestId));
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
