package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsRequest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the broker asks an STS for, made of the engine's decision. */
class AssumeRoleRequestsTest {

    /** AWS's RoleSessionName: {@code [\w+=,.@-]*}, 2 to 64 characters. */
    private static final Pattern AWS_SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    @Test
    void sessionNameWhenIdentityIdThenItsCharactersAwsAllowsAndColonAsUnderscore() {
        String name = AssumeRoleRequests.sessionName("eu-central-1:0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e");
        assertEquals("eu-central-1_0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e", name);
        assertTrue(AWS_SESSION_NAME.matcher(name).matches());
    }

    @Test
    void sessionNameWhenTooLongThenTheEndIsKept() {
        String id = "x".repeat(40) + ":0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e";
        String name = AssumeRoleRequests.sessionName(id);
        assertEquals(64, name.length());
        assertTrue(name.endsWith("_0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e"));
        assertTrue(AWS_SESSION_NAME.matcher(name).matches());
    }

    @Test
    void sessionNameWhenOddOrShortThenStillOneAwsTakes() {
        for (String id : new String[]{"", "a", ":", "ünïcødé/ id?", "a b\tc\nd", "plus+equals=comma,dot.at@dash-"}) {
            String name = AssumeRoleRequests.sessionName(id);
            assertTrue(AWS_SESSION_NAME.matcher(name).matches(), () -> "'" + name + "' from '" + id + "'");
        }
        assertEquals("plus+equals=comma,dot.at@dash-",
                AssumeRoleRequests.sessionName("plus+equals=comma,dot.at@dash-"));
    }

    @Test
    void durationWhenOutsideAwsBoundsThenClampedAndNeverRoundedUpWithin() {
        assertEquals(900, AssumeRoleRequests.durationSeconds(Duration.ofSeconds(1)));
        assertEquals(900, AssumeRoleRequests.durationSeconds(Duration.ofMinutes(15)));
        assertEquals(3600, AssumeRoleRequests.durationSeconds(Duration.ofHours(1)));
        assertEquals(3600, AssumeRoleRequests.durationSeconds(Duration.ofMillis(3_600_999)));
        assertEquals(43_200, AssumeRoleRequests.durationSeconds(Duration.ofHours(12)));
        assertEquals(43_200, AssumeRoleRequests.durationSeconds(Duration.ofDays(3)));
    }

    @Test
    void requestWhenBuiltThenRoleTokenSessionDurationAndPoliciesButNoTags() {
        CredentialsRequest decided = new CredentialsRequest("us-east-1:7d1e0c4a-3b2f-4e5d-8c9b-0a1f2e3d4c5b",
                "us-east-1:0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e",
                "arn:aws:iam::123456789012:role/app-users", true, List.of("authenticated"),
                Optional.of("the.token.here"), Map.of("department", "sales"), Duration.ofHours(1));
        AssumeRoleWithWebIdentityRequest request = AssumeRoleRequests.of(decided, "the.token.here",
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        assertEquals("arn:aws:iam::123456789012:role/app-users", request.roleArn());
        assertEquals("the.token.here", request.webIdentityToken());
        assertEquals("us-east-1_0f3c9a2e-8a51-4b8e-9d0c-2f6a7b1c4d5e", request.roleSessionName());
        assertEquals(3600, request.durationSeconds());
        assertEquals(List.of(PolicyDescriptorType.builder().arn("arn:aws:iam::aws:policy/ReadOnlyAccess").build()),
                request.policyArns());
        assertNull(request.policy());
        assertNull(request.providerId(), "ProviderId is for OAuth 2.0 access tokens, not OpenID tokens");
        assertTrue(AssumeRoleRequests.of(decided, "t", List.of()).policyArns().isEmpty());
    }
}
