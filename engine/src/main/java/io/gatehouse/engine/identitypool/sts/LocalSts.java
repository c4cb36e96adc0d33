package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsRequest;
import io.gatehouse.api.credentials.IssuedCredentials;

import java.time.Clock;

/**
 * The built-in credentials broker, {@code local-sts}: mints credentials that this server's own STS endpoint and the
 * SigV4 filter accept (see {@link LocalStsKeys} for how they are made and kept). It asks no one, so it never
 * refuses a role: which role an identity gets was decided before.
 */
public final class LocalSts implements CredentialsBroker {

    /** The broker's id, as {@code gatehouse.identity-pools.credentials-broker} names it. */
    public static final String ID = "local-sts";

    private final SessionStore sessions;
    private final Clock clock;

    public LocalSts(SessionStore sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public IssuedCredentials issue(CredentialsRequest request) {
        return open(new StsSession(request.identityPoolId(), request.identityId(), request.roleArn(),
                request.authenticated(), request.sessionTags(), clock.instant().plus(request.duration())));
    }

    /** New credentials for {@code session}, stored; also what this server's AssumeRoleWithWebIdentity hands out. */
    IssuedCredentials open(StsSession session) {
        String accessKeyId = LocalStsKeys.newAccessKeyId();
        String sessionToken = LocalStsKeys.newSessionToken();
        sessions.add(accessKeyId, sessionToken, session);
        return new IssuedCredentials(accessKeyId, sessions.secretFor(accessKeyId), sessionToken, session.expiresAt());
    }
}
