package io.gatehouse.sigv4;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Accepts only requests SigV4-signed with temporary credentials from Gatehouse's identity pools (local-sts), for
 * this service's region and signing name; the caller becomes the identity ({@link GatehouseCaller}, the
 * {@code SecurityContext}'s principal and the request property {@value GatehouseCaller#PROPERTY}), in the role the
 * pool gave it. Every other request is answered 403 as API Gateway's IAM authorisation answers: a JSON body
 * {@code {"message": ...}} and the error's type in {@code x-amzn-ErrorType}; a request without a signature too
 * ({@code Missing Authentication Token}). Signing keys come from Gatehouse, once per credentials and day (see
 * {@link CachedSigningKeys}); if Gatehouse cannot be asked, 503.
 *
 * <p>Register it in the application ({@code Application.getClasses()}, or scanning finds it). It reads its
 * settings ({@link FilterSettings}) at the first request.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SigV4Filter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(SigV4Filter.class.getName());

    @Context
    Configuration configuration;

    private volatile SigV4Verification verification;
    private volatile int maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        SigV4Verification verifier;
        try {
            verifier = verification();
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage());
            request.abortWith(refusal(new SigV4Rejection("ServiceUnavailableException",
                    "The service cannot check signatures now.", 503)));
            return;
        }
        byte[] body = request.hasEntity() ? read(request.getEntityStream()) : new byte[0];
        if (body == null) {
            request.abortWith(refusal(new SigV4Rejection("RequestEntityTooLargeException",
                    "The body is larger than this service takes (" + maxBodyBytes + " bytes).", 413)));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUri();
        SigV4Request signed = new SigV4Request(request.getMethod(), uri.getRawPath(), uri.getRawQuery(),
                request.getHeaders(), body);
        GatehouseCaller caller;
        try {
            caller = verifier.verify(signed, Instant.now());
        } catch (SigV4Rejection e) {
            request.abortWith(refusal(e));
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The SigV4 filter failed on a request", e);
            request.abortWith(refusal(new SigV4Rejection("ServiceUnavailableException",
                    "The service cannot check signatures now.", 503)));
            return;
        }
        request.setProperty(GatehouseCaller.PROPERTY, caller);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new GatehouseSecurityContext(caller, secure));
    }

    private SigV4Verification verification() {
        SigV4Verification current = verification;
        if (current == null) {
            synchronized (this) {
                current = verification;
                if (current == null) {
                    FilterSettings settings = FilterSettings.from(settingsSource());
                    SigningKeySource keys = new CachedSigningKeys(new GatehouseSigningKeys(settings.endpoint(),
                            settings.gatehouseRegion(), settings.accessKeyId(), settings.secret(), Clock.systemUTC()),
                            settings.cacheSize(), Clock.systemUTC());
                    maxBodyBytes = settings.maxBodyBytes();
                    current = new SigV4Verification(settings.region(), settings.service(), keys);
                    verification = current;
                    LOG.info(() -> "Gatehouse SigV4 filter: " + settings);
                }
            }
        }
        return current;
    }

    private Function<String, Optional<String>> settingsSource() {
        ClassLoader loader = SigV4Filter.class.getClassLoader();
        Function<String, Optional<String>> application = name -> Optional.ofNullable(configuration)
                .map(c -> c.getProperty(name)).map(Object::toString);
        if (!MicroProfileSettings.available(loader)) {
            return application;
        }
        Function<String, Optional<String>> microProfile = MicroProfileSettings.of(
                Thread.currentThread().getContextClassLoader());
        return name -> microProfile.apply(name).or(() -> application.apply(name));
    }

    /** The body, or null when it is larger than the filter reads. */
    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    private static Response refusal(SigV4Rejection rejection) {
        return Response.status(rejection.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("x-amzn-ErrorType", rejection.type())
                .entity(Json.createObjectBuilder().add("message", rejection.getMessage()).build().toString())
                .build();
    }
}
