package io.gatehouse.engine.cognito.sigv4;

import io.gatehouse.engine.error.ServiceException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/cognito-idp/aws4_request,
 * SignedHeaders=host;x-amz-date, Signature=...} header.
 *
 * @param accessKeyId   the credential's access key id
 * @param date          the scope's date, {@code yyyyMMdd}
 * @param region        the scope's region
 * @param service       the scope's service
 * @param signedHeaders the lower-case names of the signed headers, in the order given
 * @param signature     the hex signature
 */
public record AuthorizationHeader(String accessKeyId, String date, String region, String service,
                                  List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";

    /** The credential scope, {@code date/region/service/aws4_request}. */
    public String scope() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    /**
     * Parses the header.
     *
     * @throws ServiceException {@code IncompleteSignatureException} when it is not a complete SigV4 header
     */
    public static AuthorizationHeader parse(String header) {
        String value = header.trim();
        if (!value.startsWith(ALGORITHM + " ")) {
            throw incomplete("Authorization header requires the " + ALGORITHM + " algorithm.");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!parts.containsKey(required) || parts.get(required).isEmpty()) {
                throw incomplete("Authorization header requires '" + required + "' parameter. Authorization="
                        + ALGORITHM + " " + redactSignature(value.substring(ALGORITHM.length()).trim()));
            }
        }
        String[] credential = parts.get("Credential").split("/");
        if (credential.length != 5 || credential[0].isEmpty()) {
            throw incomplete("Credential should have 5 slash-separated parts: "
                    + "<access key id>/<date>/<region>/<service>/aws4_request.");
        }
        if (!TERMINATOR.equals(credential[4])) {
            throw invalid("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + credential[4] + "'.");
        }
        List<String> signedHeaders = List.of(parts.get("SignedHeaders").split(";"));
        String signature = parts.get("Signature");
        if (!signature.matches("[0-9a-f]{64}")) {
            throw incomplete("Signature should be 64 lower-case hexadecimal digits.");
        }
        return new AuthorizationHeader(credential[0], credential[1], credential[2], credential[3], signedHeaders,
                signature);
    }

    private static String redactSignature(String parameters) {
        return parameters.replaceAll("Signature=[^,\\s]*", "Signature=****");
    }

    static ServiceException incomplete(String message) {
        return new ServiceException("IncompleteSignatureException", message);
    }

    static ServiceException invalid(String message) {
        return new ServiceException("InvalidSignatureException", message);
    }
}
