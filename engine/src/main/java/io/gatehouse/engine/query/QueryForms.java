package io.gatehouse.engine.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How the Query protocol writes what is not a plain field, and says who signed wrongly. */
public final class QueryForms {

    /** The SigV4 verifier's error types, in the words of the Query services (STS, IAM). */
    public static final Map<String, String> SIGV4_CODES = Map.of(
            "MissingAuthenticationTokenException", "MissingAuthenticationToken",
            "IncompleteSignatureException", "IncompleteSignature",
            "InvalidSignatureException", "SignatureDoesNotMatch",
            "UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredTokenException", "ExpiredToken");

    private QueryForms() {
    }

    /** A list field: {@code Name.member.1}, {@code Name.member.2}, ... up to the first missing index. */
    public static List<String> members(Map<String, String> form, String name) {
        List<String> members = new ArrayList<>();
        for (int i = 1; form.containsKey(name + ".member." + i); i++) {
            members.add(form.get(name + ".member." + i));
        }
        return members;
    }
}
