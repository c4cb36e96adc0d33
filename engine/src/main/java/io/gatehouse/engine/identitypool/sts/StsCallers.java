package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.cognito.sigv4.AuthorizationHeader;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Who signed a request with local-sts credentials: the session its key and token stand for, once the SigV4
 * signature checks out under the key's secret, scoped to this server's region and the service {@code sts}. The
 * session token must be sent ({@code X-Amz-Security-Token}) and signed, and the credentials must not have expired.
 */
@ApplicationScoped
public class StsCallers {

    /** The signing name requests to the STS endpoint are scoped to. */
    public static final String SIGNING_NAME = "sts";

    static final String TOKEN_HEADER = "X-Amz-Security-Token";

    @Inject
    StsSessions sessions;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    private SigV4Verifier verifier;

    @PostConstruct
    void init() {
        verifier = new SigV4Verifier(config.region(), SIGNING_NAME);
    }

    /**
     * The session behind a signed request.
     *
     * @throws ServiceException in the SigV4 verifier's vocabulary ({@code MissingAuthenticationTokenException},
     *                          {@code IncompleteSignatureException}, {@code InvalidSignatureException},
     *                          {@code UnrecognizedClientException}), or {@code ExpiredTokenException}
     */
    public StsSession authenticate(SignedRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new ServiceException("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
        String token = request.header(TOKEN_HEADER);
        Optional<StsSession> found = sessions.find(auth.accessKeyId(), token);
        if (found.isEmpty()) {
            throw new ServiceException("UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        if (!auth.signedHeaders().contains(TOKEN_HEADER.toLowerCase(java.util.Locale.ROOT))) {
            throw new ServiceException("InvalidSignatureException",
                    "'" + TOKEN_HEADER + "' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Instant now = clock.instant();
        verifier.verify(request, now, id -> Optional.of(sessions.secretFor(id)));
        if (!found.get().expiresAt().isAfter(now)) {
            throw new ServiceException("ExpiredTokenException", "The security token included in the request is expired");
        }
        return found.get();
    }
}
