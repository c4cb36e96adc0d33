package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.testing.CredentialsBrokerContract;
import io.gatehouse.engine.security.Hmac;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * local-sts keeps the broker contract. Its sessions go to a map here (the server's {@link StsSessions} is its
 * database table, exercised by the identity-pool ITs); the minting is the real one, and each session stored must be
 * the one whose credentials were returned.
 */
class LocalStsContractTest extends CredentialsBrokerContract {

    private final Map<String, StsSession> stored = new ConcurrentHashMap<>();
    private final LocalStsKeys keys = new LocalStsKeys(text -> Hmac.sha256(
            "contract test MAC key, 32 bytes!".getBytes(StandardCharsets.UTF_8), text));

    @Override
    protected CredentialsBroker broker() {
        return new LocalSts(new SessionStore() {
            @Override
            public void add(String accessKeyId, String sessionToken, StsSession session) {
                assertEquals(null, stored.put(accessKeyId, session), "a key id issued twice");
            }

            @Override
            public String secretFor(String accessKeyId) {
                return keys.secretFor(accessKeyId);
            }
        }, Clock.systemUTC());
    }

    @Override
    protected String acceptedRole() {
        return "arn:aws:iam::123456789012:role/contract";
    }

    @Override
    protected Optional<String> refusedRole() {
        return Optional.empty();
    }
}
