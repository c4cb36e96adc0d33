package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.api.credentials.IssuedCredentials;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.identitypool.identity.Identities;
import io.gatehouse.engine.identitypool.openid.OpenIdToken;
import io.gatehouse.engine.identitypool.openid.OpenIdTokenRejected;
import io.gatehouse.engine.identitypool.openid.OpenIdTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AssumeRoleWithWebIdentity (unsigned, as AWS's): credentials for the identity an OpenID token of this server's
 * identity-pool issuer names, the identity pools' basic flow (GetId, GetOpenIdToken, then this), and what the
 * {@code aws-sts} broker asks when it is pointed at this server. With no IAM here, the trust policy is the identity
 * pool's own: the pool must allow the basic flow ({@code AllowClassicFlow}), and the role must be the pool's
 * authenticated role for a signed-in identity's token, its unauthenticated role for a guest's; role mappings decide
 * roles in the enhanced flow only (GetCredentialsForIdentity), as Cognito's documentation says of the basic flow.
 * The credentials carry the token's session tags and last {@code DurationSeconds} (15 minutes to 12 hours; an hour
 * by default), no longer than the token's own identity may: nothing is checked against the role's own maximum,
 * which this server does not know. Session policies are not evaluated here, so they are refused, not ignored.
 */
@ApplicationScoped
public class AssumeRoleWithWebIdentity implements StsAction {

    private static final Duration SHORTEST = Duration.ofMinutes(15);
    private static final Duration LONGEST = Duration.ofHours(12);
    private static final Duration DEFAULT = Duration.ofHours(1);
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final int LONGEST_TOKEN = 20_000;

    @Inject
    OpenIdTokens tokens;

    @Inject
    IdentityPools pools;

    @Inject
    Identities identities;

    @Inject
    StsSessions sessions;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "AssumeRoleWithWebIdentity";
    }

    @Override
    public StsAnswer handle(SignedRequest request, Map<String, String> form, String requestId) {
        String roleArn = form.get("RoleArn");
        String sessionName = form.get("RoleSessionName");
        String token = form.get("WebIdentityToken");
        Optional<String> invalid = validate(form, roleArn, sessionName, token);
        if (invalid.isPresent()) {
            return StsQuery.error(400, "ValidationError", invalid.get(), requestId);
        }
        Duration duration;
        try {
            duration = duration(form.get("DurationSeconds"));
        } catch (IllegalArgumentException e) {
            return StsQuery.error(400, "ValidationError", e.getMessage(), requestId);
        }
        OpenIdToken identity;
        try {
            identity = tokens.verify(token);
        } catch (OpenIdTokenRejected e) {
            return e.expired() ? StsQuery.error(400, "ExpiredTokenException", "Token is expired", requestId)
                    : StsQuery.error(400, "InvalidIdentityToken", e.getMessage(), requestId);
        }
        IdentityPool pool;
        try {
            pool = pools.get(identity.identityPoolId());
            if (!identities.get(identity.identityId()).identityPoolId().equals(pool.id())) {
                throw new ServiceException("ResourceNotFoundException", "not an identity of the pool");
            }
        } catch (ServiceException e) {
            return StsQuery.error(400, "InvalidIdentityToken",
                    "The token's identity pool or identity no longer exists.", requestId);
        }
        if (!pool.allowClassicFlow()) {
            return StsQuery.error(403, "AccessDenied",
                    "Basic (classic) flow is not enabled for the token's identity pool.", requestId);
        }
        String poolRole = pools.roles(pool.id()).roles().get(identity.authenticated() ? "authenticated"
                : "unauthenticated");
        if (!roleArn.equals(poolRole)) {
            return StsQuery.error(403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity",
                    requestId);
        }
        StsSession session = new StsSession(pool.id(), identity.identityId(), roleArn, identity.authenticated(),
                identity.principalTags(), clock.instant().plus(duration), sessionName);
        IssuedCredentials issued = new LocalSts(sessions, clock).open(session);
        return new StsAnswer(200, null, StsXml.result(name(), answer(issued, session, identity), requestId));
    }

    private Map<String, Object> answer(IssuedCredentials issued, StsSession session, OpenIdToken identity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("AccessKeyId", issued.accessKeyId());
        credentials.put("SecretAccessKey", issued.secretAccessKey());
        credentials.put("SessionToken", issued.sessionToken());
        credentials.put("Expiration", issued.expiration().truncatedTo(ChronoUnit.SECONDS).toString());
        fields.put("Credentials", credentials);
        fields.put("SubjectFromWebIdentityToken", identity.identityId());
        fields.put("AssumedRoleUser", Map.of("Arn", session.assumedRoleArn(), "AssumedRoleId",
                session.assumedRoleId()));
        URI issuer = URI.create(tokens.issuer());
        fields.put("Provider", issuer.getAuthority() + issuer.getPath());
        fields.put("Audience", identity.identityPoolId());
        return fields;
    }

    /** The first of STS's validation errors in the request, in its words. */
    private static Optional<String> validate(Map<String, String> form, String roleArn, String sessionName,
                                             String token) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("roleArn", roleArn);
        required.put("roleSessionName", sessionName);
        required.put("webIdentityToken", token);
        for (Map.Entry<String, String> field : required.entrySet()) {
            if (field.getValue() == null) {
                return Optional.of("1 validation error detected: Value null at '" + field.getKey()
                        + "' failed to satisfy constraint: Member must not be null");
            }
        }
        if (roleArn.length() < 20 || roleArn.length() > 2048) {
            return Optional.of("1 validation error detected: Value at 'roleArn' failed to satisfy constraint:"
                    + " Member must have length between 20 and 2048");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            return Optional.of("1 validation error detected: Value '" + sessionName + "' at 'roleSessionName' failed"
                    + " to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*"
                    + " and have length between 2 and 64");
        }
        if (token.length() < 4 || token.length() > LONGEST_TOKEN) {
            return Optional.of("1 validation error detected: Value at 'webIdentityToken' failed to satisfy"
                    + " constraint: Member must have length between 4 and " + LONGEST_TOKEN);
        }
        if (form.containsKey("Policy") || form.keySet().stream().anyMatch(k -> k.startsWith("PolicyArns."))) {
            return Optional.of("Session policies are not supported by this server's STS: the role's own"
                    + " permissions apply.");
        }
        if (form.containsKey("ProviderId")) {
            return Optional.of("ProviderId is only for OAuth 2.0 access tokens; this STS takes OpenID Connect"
                    + " ID tokens of its identity-pool issuer.");
        }
        return Optional.empty();
    }

    /** DurationSeconds: 900 to 43,200, an hour when not given. */
    static Duration duration(String seconds) {
        if (seconds == null) {
            return DEFAULT;
        }
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(seconds));
            if (asked.compareTo(SHORTEST) >= 0 && asked.compareTo(LONGEST) <= 0) {
                return asked;
            }
        } catch (NumberFormatException e) {
            // Refused below, as a number out of range is.
        }
        throw new IllegalArgumentException("1 validation error detected: Value '" + seconds + "' at"
                + " 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
    }
}
