package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GetCallerIdentity, signed with local-sts credentials: who the caller is (the assumed role of their identity), which
 * is also how an AWS SDK checks credentials.
 */
@ApplicationScoped
public class GetCallerIdentity implements StsAction {

    /** The SigV4 verifier's error types, in STS's words. */
    private static final Map<String, String> CODES = Map.of(
            "MissingAuthenticationTokenException", "MissingAuthenticationToken",
            "IncompleteSignatureException", "IncompleteSignature",
            "InvalidSignatureException", "SignatureDoesNotMatch",
            "UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredTokenException", "ExpiredToken");

    @Inject
    StsCallers callers;

    @Override
    public String name() {
        return "GetCallerIdentity";
    }

    @Override
    public StsAnswer handle(SignedRequest request, Map<String, String> form, String requestId) {
        StsSession caller;
        try {
            caller = callers.authenticate(request);
        } catch (ServiceException e) {
            String code = CODES.getOrDefault(e.type(), "InvalidClientTokenId");
            return StsQuery.error(403, code, e.getMessage(), requestId);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Arn", caller.assumedRoleArn());
        fields.put("UserId", caller.assumedRoleId());
        fields.put("Account", caller.roleAccount());
        return new StsAnswer(200, null, StsXml.result(name(), fields, requestId));
    }
}
