package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsRequest;
import io.gatehouse.api.credentials.IssuedCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.util.List;

/**
 * Asks an STS for the role with the identity-pool issuer's OpenID token ({@code AssumeRoleWithWebIdentity}, an
 * unsigned call: the token is the proof). Holds nothing of its own: the client is the factory's.
 */
final class AwsStsBroker implements CredentialsBroker {

    private final StsClient sts;
    private final List<String> policyArns;

    AwsStsBroker(StsClient sts, List<String> policyArns) {
        this.sts = sts;
        this.policyArns = policyArns;
    }

    @Override
    public boolean needsOpenIdToken() {
        return true;
    }

    @Override
    public IssuedCredentials issue(CredentialsRequest request) throws CredentialsException {
        // The engine's fault, not the caller's; it answers ExternalServiceException and logs this, not a 500.
        String token = request.openIdToken().orElseThrow(() -> new CredentialsException(
                CredentialsException.Reason.UNAVAILABLE,
                "The server gave the aws-sts broker no OpenID token for identity " + request.identityId()));
        AssumeRoleWithWebIdentityResponse answer;
        try {
            answer = sts.assumeRoleWithWebIdentity(AssumeRoleRequests.of(request, token, policyArns));
        } catch (SdkException e) {
            throw StsErrors.of(e, request.roleArn(), token);
        }
        Credentials credentials = answer.credentials();
        if (credentials == null || credentials.accessKeyId() == null || credentials.secretAccessKey() == null
                || credentials.sessionToken() == null || credentials.expiration() == null) {
            throw new CredentialsException(CredentialsException.Reason.UNAVAILABLE,
                    "The STS answered AssumeRoleWithWebIdentity for role " + request.roleArn()
                            + " without whole credentials");
        }
        return new IssuedCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), credentials.expiration());
    }
}
