package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes an {@code AssumeRoleWithWebIdentity} request of what the engine decided. Session tags are not among its
 * parameters: an STS reads them from the token's {@code https://aws.amazon.com/tags} claim.
 */
final class AssumeRoleRequests {

    /** AWS's bounds on DurationSeconds: 15 minutes to 12 hours (the role's MaxSessionDuration may allow less). */
    static final long MIN_DURATION_SECONDS = 900;
    static final long MAX_DURATION_SECONDS = 43_200;

    /** AWS's bounds on RoleSessionName. */
    static final int MIN_SESSION_NAME = 2;
    static final int MAX_SESSION_NAME = 64;

    private static final Pattern NOT_IN_SESSION_NAMES = Pattern.compile("[^\\w+=,.@-]");

    private AssumeRoleRequests() {
    }

    static AssumeRoleWithWebIdentityRequest of(CredentialsRequest request, String openIdToken,
                                               List<String> policyArns) {
        AssumeRoleWithWebIdentityRequest.Builder builder = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(request.roleArn())
                .webIdentityToken(openIdToken)
                .roleSessionName(sessionName(request.identityId()))
                .durationSeconds((int) durationSeconds(request.duration()));
        if (!policyArns.isEmpty()) {
            builder.policyArns(policyArns.stream().map(arn -> PolicyDescriptorType.builder().arn(arn).build())
                    .toList());
        }
        return builder.build();
    }

    /**
     * The identity id as a RoleSessionName, which the assumed role's ARN ends with, so that the STS's audit log
     * (CloudTrail on AWS) names the identity. {@code us-east-1:<uuid>} becomes {@code us-east-1_<uuid>}: every
     * character AWS does not allow becomes {@code _}; past 64 characters the end, where the uuid is, is kept.
     */
    static String sessionName(String identityId) {
        String name = NOT_IN_SESSION_NAMES.matcher(identityId).replaceAll("_");
        if (name.length() > MAX_SESSION_NAME) {
            name = name.substring(name.length() - MAX_SESSION_NAME);
        }
        if (name.length() < MIN_SESSION_NAME) {
            name = "identity-" + name;
        }
        return name;
    }

    /**
     * The duration in whole seconds within AWS's bounds. A duration under 15 minutes gets 15 minutes, since no STS
     * gives less; over 12 hours, 12 hours.
     */
    static long durationSeconds(Duration duration) {
        return Math.max(MIN_DURATION_SECONDS, Math.min(MAX_DURATION_SECONDS, duration.toSeconds()));
    }
}
