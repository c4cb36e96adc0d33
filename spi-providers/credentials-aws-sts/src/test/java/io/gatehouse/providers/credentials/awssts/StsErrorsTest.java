package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsException.Reason;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.IdpCommunicationErrorException;
import software.amazon.awssdk.services.sts.model.IdpRejectedClaimException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.sts.model.PackedPolicyTooLargeException;
import software.amazon.awssdk.services.sts.model.RegionDisabledException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.net.ConnectException;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each failure the SDK reports, built with the SDK's own builders as its unmarshaller builds them, and its meaning. */
class StsErrorsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/app-users";
    private static final String TOKEN = "eyJraWQiOiJrMSJ9.eyJzdWIiOiJ1cy1lYXN0LTE6YWJjIn0.c2lnbmF0dXJl";

    private static <B extends AwsServiceException.Builder> AwsServiceException answer(B builder, int status,
                                                                                      String code, String message) {
        return builder.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .serviceName("Sts").build())
                .statusCode(status).requestId("c6104cbe-af31-11e0-8154-cbc7ccf896c7").message(message).build();
    }

    private static CredentialsException mapped(AwsServiceException e) {
        return StsErrors.of(e, ROLE, TOKEN);
    }

    @Test
    void refusalsWhenTheStsSaysNoThenRoleRefusedNamingTheCodeAndRole() {
        AwsServiceException[] refusals = {
                answer(StsException.builder(), 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity"),
                answer(StsException.builder(), 403, "AccessDeniedException", "Access denied"),
                answer(InvalidIdentityTokenException.builder(), 400, "InvalidIdentityToken", "Incorrect token audience"),
                answer(IdpRejectedClaimException.builder(), 403, "IDPRejectedClaim", "Claim rejected"),
                answer(MalformedPolicyDocumentException.builder(), 400, "MalformedPolicyDocument", "Bad policy"),
                answer(PackedPolicyTooLargeException.builder(), 400, "PackedPolicyTooLarge", "Too large"),
                answer(StsException.builder(), 400, "ValidationError",
                        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
                answer(ExpiredTokenException.builder(), 400, "ExpiredTokenException", "Token expired"),
                answer(RegionDisabledException.builder(), 403, "RegionDisabledException", "STS is not activated"),
                // Another STS's own code for a request it will not take.
                answer(StsException.builder(), 400, "InvalidParameterValue", "Unknown role"),
        };
        for (AwsServiceException refusal : refusals) {
            CredentialsException e = mapped(refusal);
            String code = refusal.awsErrorDetails().errorCode();
            assertEquals(Reason.ROLE_REFUSED, e.reason(), code);
            assertTrue(e.getMessage().contains("(" + code + ", request c6104cbe-af31-11e0-8154-cbc7ccf896c7)"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(ROLE), e.getMessage());
            assertTrue(e.getMessage().endsWith(": " + refusal.awsErrorDetails().errorMessage()), e.getMessage());
        }
    }

    @Test
    void outagesWhenTheStsOrItsIdentityProviderCannotAnswerNowThenUnavailable() {
        AwsServiceException[] outages = {
                answer(IdpCommunicationErrorException.builder(), 400, "IDPCommunicationError",
                        "Couldn't retrieve verification key from your identity provider"),
                answer(StsException.builder(), 400, "Throttling", "Rate exceeded"),
                answer(StsException.builder(), 429, "TooManyRequestsException", "Slow down"),
                answer(StsException.builder(), 500, "InternalFailure", "Internal failure"),
                answer(StsException.builder(), 503, "ServiceUnavailable", "Unavailable"),
                // An answer with no STS error in it: a proxy's page, a wrong path.
                answer(StsException.builder(), 404, null, null),
                answer(StsException.builder(), 502, null, "Bad Gateway"),
        };
        for (AwsServiceException outage : outages) {
            CredentialsException e = mapped(outage);
            assertEquals(Reason.UNAVAILABLE, e.reason(), String.valueOf(outage.awsErrorDetails().errorCode()));
            assertTrue(e.getMessage().contains("HTTP " + outage.statusCode()), e.getMessage());
            assertNull(e.getCause(), "the SDK's message repeats the STS's, which the engine would log");
        }
    }

    @Test
    void noAnswerWhenRefusedTimedOutOrUnknownHostThenUnavailableWithTheCause() {
        SdkClientException[] failures = {
                SdkClientException.create("Unable to execute HTTP request: Connection refused",
                        new ConnectException("Connection refused")),
                SdkClientException.create("Unable to execute HTTP request: sts.nowhere.example",
                        new UnknownHostException("sts.nowhere.example")),
                ApiCallTimeoutException.create(5000),
        };
        for (SdkClientException failure : failures) {
            CredentialsException e = StsErrors.of(failure, ROLE, TOKEN);
            assertEquals(Reason.UNAVAILABLE, e.reason(), failure.getMessage());
            assertEquals(failure, e.getCause());
            assertTrue(e.getMessage().contains(failure.getMessage()), e.getMessage());
        }
    }

    @Test
    void tokenWhenAnStsEchoesItThenNotInTheMessage() {
        CredentialsException refused = mapped(answer(InvalidIdentityTokenException.builder(), 400,
                "InvalidIdentityToken", "Token " + TOKEN + " has an unknown issuer"));
        assertFalse(refused.getMessage().contains(TOKEN), refused.getMessage());
        assertTrue(refused.getMessage().contains("Token [token] has an unknown issuer"), refused.getMessage());
        assertNull(refused.getCause());

        CredentialsException unavailable = mapped(answer(StsException.builder(), 503, "ServiceUnavailable",
                "could not check " + TOKEN));
        assertFalse(unavailable.getMessage().contains(TOKEN), unavailable.getMessage());

        CredentialsException client = StsErrors.of(SdkClientException.create("odd " + TOKEN), ROLE, TOKEN);
        assertFalse(client.getMessage().contains(TOKEN), client.getMessage());
        assertNull(client.getCause(), "a cause that holds the token is not kept");
    }

    @Test
    void longStsMessagesWhenPassedOnThenCut() {
        CredentialsException e = mapped(answer(StsException.builder(), 403, "AccessDenied", "x".repeat(5000)));
        assertTrue(e.getMessage().length() < 500, "length " + e.getMessage().length());
    }
}
