package io.gatehouse.sigv4;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=ASIA.../20261206/us-east-1/orders/aws4_request,
 * SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=...} header.
 *
 * @param accessKeyId   the credential's access key id
 * @param date          the scope's day, {@code yyyyMMdd}
 * @param region        the scope's region
 * @param service       the scope's service
 * @param signedHeaders the lower-case names of the signed headers, in the order given
 * @param signature     the hex signature
 */
public record SigV4Authorization(String accessKeyId, String date, String region, String service,
                                 List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    public SigV4Authorization {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** The credential scope, {@code date/region/service/aws4_request}. */
    public String scope() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    /**
     * Parses the header.
     *
     * @throws SigV4Rejection {@code IncompleteSignatureException} when it is not a complete SigV4 header
     */
    public static SigV4Authorization parse(String header) {
        String value = header.trim();
        if (!value.startsWith(ALGORITHM + " ")) {
            throw SigV4Rejection.incomplete("Authorization header requires the " + ALGORITHM + " algorithm.");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : value.substring(ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (parts.getOrDefault(required, "").isEmpty()) {
                throw SigV4Rejection.incomplete("Authorization header requires '" + required + "' parameter.");
            }
        }
        String[] credential = parts.get("Credential").split("/", -1);
        if (credential.length != 5 || credential[0].isEmpty()) {
            throw SigV4Rejection.incomplete("Credential should have 5 slash-separated parts: "
                    + "<access key id>/<date>/<region>/<service>/aws4_request.");
        }
        if (!TERMINATOR.equals(credential[4])) {
            throw SigV4Rejection.invalid("Credential should be scoped with a valid terminator: 'aws4_request'.");
        }
        String signature = parts.get("Signature");
        if (!SIGNATURE.matcher(signature).matches()) {
            throw SigV4Rejection.incomplete("Signature should be 64 lower-case hexadecimal digits.");
        }
        return new SigV4Authorization(credential[0], credential[1], credential[2], credential[3],
                List.of(parts.get("SignedHeaders").split(";")), signature);
    }
}
