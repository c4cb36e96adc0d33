package io.gatehouse.api.testing;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsRequest;
import io.gatehouse.api.credentials.IssuedCredentials;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every credentials broker keeps (see {@link io.gatehouse.api.credentials}). A broker's test extends
 * it, creates the broker against a working backend (its own state, a stand-in STS), and names a role the backend
 * accepts and, if it can, one it refuses.
 *
 * <p>What the contract asks: credentials come whole (key id, secret, session token) and expire after now and no
 * later than the duration asked for; every issue gives new ones; their {@code toString} shows no secret; a role the
 * backend refuses is {@link CredentialsException.Reason#ROLE_REFUSED}, never credentials; many threads may ask at
 * once.
 */
public abstract class CredentialsBrokerContract {

    /** A working broker, new for each test. */
    protected abstract CredentialsBroker broker();

    /** A role the backend gives the test's identities. */
    protected abstract String acceptedRole();

    /** A role the backend refuses them, if the backend refuses any. */
    protected abstract Optional<String> refusedRole();

    /** The clock's now as the broker sees it. */
    protected Instant now() {
        return Instant.now();
    }

    /** The OpenID token for a request (a broker that proves the identity elsewhere needs a real one). */
    protected Optional<String> openIdToken(String identityPoolId, String identityId) {
        return Optional.of("header.payload.signature");
    }

    protected CredentialsRequest request(String role, Duration duration) {
        String pool = "us-east-1:" + UUID.randomUUID();
        String identity = "us-east-1:" + UUID.randomUUID();
        return new CredentialsRequest(pool, identity, role, true,
                List.of("authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_contract"),
                openIdToken(pool, identity), Map.of("department", "sales"), duration);
    }

    @Test
    void credentialsComeWholeAndExpireWithinTheDuration() throws Exception {
        try (CredentialsBroker broker = broker()) {
            Instant before = now();
            IssuedCredentials issued = broker.issue(request(acceptedRole(), Duration.ofHours(1)));
            assertFalse(issued.accessKeyId().isBlank());
            assertFalse(issued.secretAccessKey().isBlank());
            assertFalse(issued.sessionToken().isBlank());
            assertTrue(issued.expiration().isAfter(before), "already expired");
            assertFalse(issued.expiration().isAfter(now().plus(Duration.ofHours(1)).plusSeconds(1)),
                    "outlives the duration asked for");
        }
    }

    @Test
    void everyIssueGivesNewCredentials() throws Exception {
        try (CredentialsBroker broker = broker()) {
            IssuedCredentials first = broker.issue(request(acceptedRole(), Duration.ofMinutes(15)));
            IssuedCredentials second = broker.issue(request(acceptedRole(), Duration.ofMinutes(15)));
            assertNotEquals(first.accessKeyId(), second.accessKeyId());
            assertNotEquals(first.secretAccessKey(), second.secretAccessKey());
            assertNotEquals(first.sessionToken(), second.sessionToken());
        }
    }

    @Test
    void theirTextShowsNoSecret() throws Exception {
        try (CredentialsBroker broker = broker()) {
            CredentialsRequest request = request(acceptedRole(), Duration.ofMinutes(15));
            IssuedCredentials issued = broker.issue(request);
            assertFalse(issued.toString().contains(issued.secretAccessKey()));
            assertFalse(issued.toString().contains(issued.sessionToken()));
            request.openIdToken().ifPresent(token -> assertFalse(request.toString().contains(token)));
        }
    }

    @Test
    void aRefusedRoleGetsNoCredentials() {
        Optional<String> refused = refusedRole();
        if (refused.isEmpty()) {
            return;
        }
        try (CredentialsBroker broker = broker()) {
            CredentialsException e = assertThrows(CredentialsException.class,
                    () -> broker.issue(request(refused.get(), Duration.ofMinutes(15))));
            assertEquals(CredentialsException.Reason.ROLE_REFUSED, e.reason());
        }
    }

    @Test
    void manyThreadsMayAskAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (CredentialsBroker broker = broker()) {
            List<Callable<String>> asks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                asks.add(() -> broker.issue(request(acceptedRole(), Duration.ofMinutes(15))).accessKeyId());
            }
            Set<String> keys = new HashSet<>();
            for (Future<String> answer : pool.invokeAll(asks, 60, TimeUnit.SECONDS)) {
                keys.add(answer.get());
            }
            assertEquals(32, keys.size(), "two threads were given the same key");
        } finally {
            pool.shutdownNow();
        }
    }
}
