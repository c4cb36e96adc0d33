package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.security.Hmac;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How local-sts makes keys, names its callers and writes the Query protocol's documents. */
class LocalStsTest {

    private static final byte[] KEY = "a data key's MAC key, 32 bytes..".getBytes(StandardCharsets.UTF_8);

    @Test
    void accessKeyIdsWhenMadeThenAwsFormAndUnique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = LocalStsKeys.newAccessKeyId();
            assertTrue(id.matches("ASIA[A-Z2-7]{16}"), id);
            assertTrue(LocalStsKeys.wellFormed(id));
            ids.add(id);
        }
        assertEquals(1000, ids.size());
        assertFalse(LocalStsKeys.wellFormed("AKIAIOSFODNN7EXAMPLE"), "a long-term key's form");
        assertFalse(LocalStsKeys.wellFormed("ASIA0000000000000000"));
        assertFalse(LocalStsKeys.wellFormed("ASIA"));
        assertFalse(LocalStsKeys.wellFormed(null));
    }

    @Test
    void secretWhenDerivedThenSameOnEveryNodeAndDifferentPerKeyAndKey() {
        LocalStsKeys node1 = new LocalStsKeys(text -> Hmac.sha256(KEY, text));
        LocalStsKeys node2 = new LocalStsKeys(text -> Hmac.sha256(KEY, text));
        LocalStsKeys otherKey = new LocalStsKeys(text -> Hmac.sha256("another data key".getBytes(), text));
        String id = LocalStsKeys.newAccessKeyId();
        assertEquals(node1.secretFor(id), node2.secretFor(id));
        assertEquals(40, node1.secretFor(id).length());
        assertNotEquals(node1.secretFor(id), node1.secretFor(LocalStsKeys.newAccessKeyId()));
        assertNotEquals(node1.secretFor(id), otherKey.secretFor(id));
        assertNotEquals(LocalStsKeys.newSessionToken(), LocalStsKeys.newSessionToken());
    }

    @Test
    void sessionWhenNamedThenTheAssumedRoleOfItsRole() {
        StsSession session = new StsSession("us-east-1:p", "us-east-1:i",
                "arn:aws:iam::123456789012:role/app/Readers", true, Map.of(), Instant.EPOCH);
        assertEquals("Readers", session.roleName());
        assertEquals("123456789012", session.roleAccount());
        assertEquals("arn:aws:sts::123456789012:assumed-role/Readers/CognitoIdentityCredentials",
                session.assumedRoleArn());
        assertTrue(RoleIds.of(session.roleArn()).matches("AROA[A-Z2-7]{17}"));
        assertEquals(RoleIds.of(session.roleArn()), RoleIds.of("arn:aws:iam::123456789012:role/app/Readers"));
    }
}
