package io.gatehouse.engine.users;

import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPool;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoolUsersLookupNameTest {

    private static UserPool pool(String settings) throws Exception {
        return new UserPool("us-east-1_Pool", "p", Json.MAPPER.readTree(settings), Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aCaseSensitivePoolKeepsTheCaseOfANameAsItsLookupDoes() throws Exception {
        UserPool sensitive = pool("{}");
        assertEquals("ALICE", PoolUsers.lookupName(sensitive, "ALICE"), "pools are case-sensitive by default");
        assertEquals("alice", PoolUsers.lookupName(sensitive, "alice"));
        UserPool explicit = pool("{\"UsernameConfiguration\":{\"CaseSensitive\":true}}");
        assertEquals("Alice", PoolUsers.lookupName(explicit, "Alice"));
    }

    @Test
    void aCaseInsensitivePoolLowersTheName() throws Exception {
        UserPool insensitive = pool("{\"UsernameConfiguration\":{\"CaseSensitive\":false}}");
        assertEquals("alice", PoolUsers.lookupName(insensitive, "ALICE"));
    }

    @Test
    void anEmailAliasIsLoweredAsTheAliasLookupLowersItButAPhoneIsAsGiven() throws Exception {
        UserPool aliases = pool("{\"AliasAttributes\":[\"email\",\"phone_number\"]}");
        assertEquals("alice@example.com", PoolUsers.lookupName(aliases, "Alice@Example.COM"));
        assertEquals("+15550100", PoolUsers.lookupName(aliases, "+15550100"));
        assertEquals("Alice", PoolUsers.lookupName(aliases, "Alice"), "a user name still per the pool's case");
    }

    @Test
    void anAttributeThePoolSignsInWithIsComparedExactly() throws Exception {
        UserPool byEmail = pool("{\"UsernameAttributes\":[\"email\"],"
                + "\"UsernameConfiguration\":{\"CaseSensitive\":false}}");
        assertEquals("Alice@Example.com", PoolUsers.lookupName(byEmail, "Alice@Example.com"));
        assertEquals("abc-uuid", PoolUsers.lookupName(byEmail, "ABC-UUID"), "the stored user name, per the case");
    }
}
