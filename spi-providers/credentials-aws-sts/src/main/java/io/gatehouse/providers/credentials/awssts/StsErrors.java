package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsException.Reason;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;

/**
 * What an STS's failure means for the identity: a refusal ({@link Reason#ROLE_REFUSED}: the role, its trust policy,
 * the token or a policy is wrong, and asking again will not help) or an outage ({@link Reason#UNAVAILABLE}: the STS,
 * or the identity provider it asks for our keys, could not answer now). The messages name the STS's error code and
 * the role, never the token. An STS's answer is not kept as the cause: the SDK's message repeats the STS's, which
 * the engine would log whole; its request id is kept instead.
 */
final class StsErrors {

    /**
     * The refusals AssumeRoleWithWebIdentity documents, and AccessDeniedException as other STSs spell AccessDenied.
     * ExpiredTokenException is one: the engine signs the token just before the call, so an STS that finds it expired
     * keeps a clock far from ours, which asking again will not mend.
     */
    static final Set<String> REFUSALS = Set.of("AccessDenied", "AccessDeniedException", "InvalidIdentityToken",
            "IDPRejectedClaim", "MalformedPolicyDocument", "PackedPolicyTooLarge", "ValidationError",
            "ExpiredTokenException", "RegionDisabledException");

    /** The STS could not fetch the issuer's keys or discovery document: AWS answers it with status 400. */
    static final String IDP_COMMUNICATION_ERROR = "IDPCommunicationError";

    /** How much of an STS's own message is passed on. */
    private static final int MAX_MESSAGE = 300;

    private StsErrors() {
    }

    /**
     * The broker's failure for the SDK's exception.
     *
     * @param token the OpenID token sent, removed from any message an STS may have echoed it in
     */
    static CredentialsException of(SdkException e, String roleArn, String token) {
        if (e instanceof AwsServiceException service) {
            return ofAnswer(service, roleArn, token);
        }
        // No answer: connection refused, an unknown host, a timeout, a body that is not an STS's. The cause tells
        // operators which, unless the token is somewhere in it.
        String message = "The STS did not answer AssumeRoleWithWebIdentity: " + scrub(e.getMessage(), token);
        return mentions(e, token) ? new CredentialsException(Reason.UNAVAILABLE, message)
                : new CredentialsException(Reason.UNAVAILABLE, message, e);
    }

    private static boolean mentions(Throwable e, String token) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!token.isEmpty() && t.getMessage() != null && t.getMessage().contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static CredentialsException ofAnswer(AwsServiceException e, String roleArn, String token) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        String stsMessage = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        String said = stsMessage == null || stsMessage.isBlank() ? "" : ": " + scrub(stsMessage, token);
        int status = e.statusCode();
        if (code != null && REFUSALS.contains(code)) {
            return refused(e, roleArn, code, said);
        }
        if (code == null || code.isBlank() || IDP_COMMUNICATION_ERROR.equals(code) || e.isThrottlingException()
                || status >= 500 || status == 429) {
            // Without an error code the answer came from something that is not an STS (a proxy, a wrong path).
            return new CredentialsException(Reason.UNAVAILABLE, "The STS could not give role " + roleArn
                    + " now (HTTP " + status + (code == null ? "" : ", " + code) + requestId(e) + ")" + said);
        }
        // Another STS's own refusal (MinIO's InvalidParameterValue, say): it answered, and said no.
        return refused(e, roleArn, code, said);
    }

    private static CredentialsException refused(AwsServiceException e, String roleArn, String code, String said) {
        return new CredentialsException(Reason.ROLE_REFUSED, "The STS refused role " + roleArn + " ("
                + code + requestId(e) + ")" + said);
    }

    private static String requestId(AwsServiceException e) {
        return e.requestId() == null || e.requestId().isBlank() ? "" : ", request " + e.requestId();
    }

    private static String scrub(String message, String token) {
        if (message == null) {
            return "";
        }
        String clean = token.isEmpty() ? message : message.replace(token, "[token]");
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) + "..." : clean;
    }
}
