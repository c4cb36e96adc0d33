package io.gatehouse.engine.identitypool.verifier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The credential a resource service (the SigV4 filter) signs its signing-key calls with. It grants nothing else:
 * no Cognito operation accepts it, and the admin credential is not accepted for signing keys. Unset, the endpoint
 * refuses every call.
 */
@ApplicationScoped
public class VerifierCredential {

    private final Optional<String> accessKeyId;
    private final Optional<String> secretAccessKey;

    @Inject
    public VerifierCredential(
            @ConfigProperty(name = "gatehouse.identity-pools.verifier.access-key-id") Optional<String> accessKeyId,
            @ConfigProperty(name = "gatehouse.identity-pools.verifier.secret-access-key")
            Optional<String> secretAccessKey) {
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalArgumentException("set both gatehouse.identity-pools.verifier.access-key-id and "
                    + "gatehouse.identity-pools.verifier.secret-access-key, or neither");
        }
        this.accessKeyId = accessKeyId.map(String::trim);
        this.secretAccessKey = secretAccessKey;
    }

    /** For CDI's proxy; never called by the application. */
    protected VerifierCredential() {
        this.accessKeyId = Optional.empty();
        this.secretAccessKey = Optional.empty();
    }

    /** Whether the operator configured one. */
    public boolean configured() {
        return accessKeyId.isPresent();
    }

    /** The secret of {@code id} if it is the verifier's key id (compared in constant time), else empty. */
    public Optional<String> secretFor(String id) {
        if (accessKeyId.isEmpty() || id == null) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(accessKeyId.get().getBytes(StandardCharsets.UTF_8),
                id.getBytes(StandardCharsets.UTF_8));
        return same ? secretAccessKey : Optional.empty();
    }
}
