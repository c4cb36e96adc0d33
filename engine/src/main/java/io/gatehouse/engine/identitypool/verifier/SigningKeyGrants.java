package io.gatehouse.engine.identitypool.verifier;

import io.gatehouse.engine.cognito.CognitoProtocol;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.sts.StsCallers;
import io.gatehouse.engine.identitypool.sts.StsSession;
import io.gatehouse.engine.identitypool.sts.StsSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands out the SigV4 signing key of local-sts credentials for one day, region and service, so that a resource
 * service can check requests signed with them without the server's data key and without a call per request. The
 * key is only given for live credentials whose session token matches, for a day around today (a request signed
 * just before midnight is checked just after it), and never for a service this server answers itself: with a key
 * for {@code sts} a resource service could speak to this server as its callers.
 */
@ApplicationScoped
public class SigningKeyGrants {

    /** The signing names of this server's own endpoints, and of this one. */
    static final Set<String> RESERVED = Set.of(StsCallers.SIGNING_NAME, CognitoProtocol.SIGNING_NAME,
            CognitoProtocol.IDENTITY_SIGNING_NAME, SigningKeyResource.SIGNING_NAME);

    @Inject
    StsSessions sessions;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.identity-pools.verifier.services")
    Optional<List<String>> services;

    /**
     * The signing key the request asks for.
     *
     * @throws ServiceException {@code UnrecognizedClientException} (403) for an unknown key id or a token that is
     *                          not its own, {@code ExpiredTokenException} (403) for expired credentials,
     *                          {@code AccessDeniedException} (403) for a service not allowed, and
     *                          {@code InvalidParameterException} (400) for a day too far from today
     */
    public SigningKeyGrant grant(SigningKeyRequest request) {
        if (RESERVED.contains(request.service())) {
            throw new ServiceException("AccessDeniedException", "Signing keys are not given for this server's own "
                    + "service '" + request.service() + "'.", 403);
        }
        if (services.isPresent() && !services.get().contains(request.service())) {
            throw new ServiceException("AccessDeniedException", "The verifier credential may not ask for keys of "
                    + "the service '" + request.service() + "' (gatehouse.identity-pools.verifier.services).", 403);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (request.date().isBefore(today.minusDays(1)) || request.date().isAfter(today.plusDays(1))) {
            throw ServiceException.invalidParameter("Date must be within a day of the server's date, "
                    + today.format(DateTimeFormatter.BASIC_ISO_DATE) + ".");
        }
        StsSession session = sessions.find(request.accessKeyId(), request.sessionToken()).orElseThrow(() ->
                new ServiceException("UnrecognizedClientException",
                        "The security token included in the request is invalid.", 403));
        if (!session.expiresAt().isAfter(now)) {
            throw new ServiceException("ExpiredTokenException", "The security token included in the request is "
                    + "expired", 403);
        }
        byte[] key = SigV4Verifier.signingKey(sessions.secretFor(request.accessKeyId()), request.day(),
                request.region(), request.service());
        return new SigningKeyGrant(key, session);
    }
}
