package io.gatehouse.api.testing;

import io.gatehouse.api.userstore.CredentialValidator;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.SrpVerifierStore;
import io.gatehouse.api.userstore.TransferredUser;
import io.gatehouse.api.userstore.UserFilter;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserPage;
import io.gatehouse.api.userstore.UserQuery;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserTransfer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every writable user store keeps. A provider's test extends it and supplies stores for fresh,
 * empty pools; every test here runs against that real store.
 */
public abstract class UserStoreContract {

    /**
     * A store for a new, empty pool.
     *
     * @param caseSensitiveUsernames the pool's user-name rule
     */
    protected abstract UserStore newPool(boolean caseSensitiveUsernames);

    @Test
    void createWhenNewThenFoundBySubAndUsernameWithAttributes() throws Exception {
        UserStore store = newPool(true);

        UserRecord created = registration(store).create(user("alice", "Secret-1", Map.of("email", "alice@example.com")));

        assertTrue(created.sub().matches("[0-9a-f-]{36}"), created.sub());
        assertEquals(UserStatus.UNCONFIRMED, created.status());
        assertTrue(created.enabled());
        assertEquals(Optional.of(created.sub()), lookup(store).findByUsername("alice").map(UserRecord::sub));
        assertEquals("alice@example.com", lookup(store).findBySub(created.sub()).orElseThrow().attributes().get("email"));
    }

    @Test
    void createWhenUsernameTakenThenUserExists() throws Exception {
        UserStore store = newPool(true);
        registration(store).create(user("bob", "Secret-1", Map.of()));

        UserRegistration.UserExistsException e = assertThrows(UserRegistration.UserExistsException.class,
                () -> registration(store).create(user("bob", "Other-1", Map.of())));
        assertEquals("username", e.attribute());
    }

    @Test
    void findByUsernameWhenPoolCaseInsensitiveThenAnyCaseMatchesAndClashes() throws Exception {
        UserStore insensitive = newPool(false);
        registration(insensitive).create(user("Carol", "Secret-1", Map.of()));

        assertTrue(lookup(insensitive).findByUsername("cAROL").isPresent());
        assertThrows(UserRegistration.UserExistsException.class,
                () -> registration(insensitive).create(user("CAROL", "Secret-1", Map.of())));

        UserStore sensitive = newPool(true);
        registration(sensitive).create(user("Carol", "Secret-1", Map.of()));
        assertFalse(lookup(sensitive).findByUsername("carol").isPresent());
    }

    @Test
    void usersWhenInOtherPoolThenInvisible() throws Exception {
        UserStore first = newPool(true);
        UserStore second = newPool(true);
        UserRecord dave = registration(first).create(user("dave", "Secret-1", Map.of()));

        assertFalse(lookup(second).findByUsername("dave").isPresent());
        assertFalse(lookup(second).findBySub(dave.sub()).isPresent());
        assertFalse(registration(second).delete(dave.sub()));
        registration(second).create(user("dave", "Secret-1", Map.of()));
    }

    @Test
    void validateWhenRightWrongOrNoPasswordThenOutcomes() throws Exception {
        UserStore store = newPool(true);
        UserRecord erin = registration(store).create(user("erin", "Correct-Horse-1", Map.of()));
        UserRecord federated = registration(store).create(new NewUser("fed", Optional.empty(),
                UserStatus.EXTERNAL_PROVIDER, Map.of()));

        assertEquals(CredentialValidator.Outcome.VALID,
                credentials(store).validate(erin, new PasswordCredential("Correct-Horse-1")));
        assertEquals(CredentialValidator.Outcome.INVALID,
                credentials(store).validate(erin, new PasswordCredential("correct-horse-1")));
        assertEquals(CredentialValidator.Outcome.NOT_APPLICABLE,
                credentials(store).validate(federated, new PasswordCredential("anything")));
    }

    @Test
    void findByAliasWhenVerifiedThenFoundIgnoringCaseAndWhenUnverifiedThenNot() throws Exception {
        UserStore store = newPool(true);
        UserRecord frank = registration(store).create(user("frank", "Secret-1",
                Map.of("email", "Frank@Example.com", "email_verified", "true")));
        registration(store).create(user("gina", "Secret-1",
                Map.of("email", "gina@example.com", "email_verified", "false")));

        assertEquals(Optional.of(frank.sub()),
                lookup(store).findByAlias("email", "frank@example.COM").map(UserRecord::sub));
        assertFalse(lookup(store).findByAlias("email", "gina@example.com").isPresent());
    }

    @Test
    void modificationWhenStatusPasswordAndAttributesChangeThenVisible() throws Exception {
        UserStore store = newPool(true);
        UserRecord hal = registration(store).create(user("hal", "Old-Secret-1", Map.of("name", "Hal", "locale", "en")));

        assertTrue(modification(store).updateStatus(hal.sub(), UserStatus.CONFIRMED));
        assertTrue(modification(store).updateEnabled(hal.sub(), false));
        assertTrue(modification(store).updatePassword(hal.sub(), new PasswordCredential("New-Secret-1")));
        assertTrue(modification(store).updateAttributes(hal.sub(), Map.of("name", "Hal 9000", "zoneinfo", "UTC"),
                Set.of("locale")));

        UserRecord changed = lookup(store).findBySub(hal.sub()).orElseThrow();
        assertEquals(UserStatus.CONFIRMED, changed.status());
        assertFalse(changed.enabled());
        assertEquals(Map.of("name", "Hal 9000", "zoneinfo", "UTC"), changed.attributes());
        assertEquals(CredentialValidator.Outcome.VALID,
                credentials(store).validate(changed, new PasswordCredential("New-Secret-1")));
        assertEquals(CredentialValidator.Outcome.INVALID,
                credentials(store).validate(changed, new PasswordCredential("Old-Secret-1")));
        assertFalse(modification(store).updateStatus("00000000-0000-0000-0000-000000000000", UserStatus.CONFIRMED));
    }

    @Test
    void deleteWhenUserExistsThenGoneWithAttributes() throws Exception {
        UserStore store = newPool(true);
        UserRecord ivy = registration(store).create(user("ivy", "Secret-1", Map.of("email", "ivy@example.com")));

        assertTrue(registration(store).delete(ivy.sub()));

        assertFalse(lookup(store).findBySub(ivy.sub()).isPresent());
        assertFalse(registration(store).delete(ivy.sub()));
        registration(store).create(user("ivy", "Secret-1", Map.of()));
    }

    @Test
    void queryWhenPagedThenEveryUserOnceInUsernameOrder() throws Exception {
        UserStore store = newPool(true);
        for (String name : List.of("u3", "u1", "u5", "u2", "u4")) {
            registration(store).create(user(name, "Secret-1", Map.of("family_name", "Doe")));
        }

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            UserPage page = query(store).query(Optional.empty(), 2, cursor);
            page.users().forEach(u -> seen.add(u.username()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertEquals(List.of("u1", "u2", "u3", "u4", "u5"), seen);
        assertEquals(3, pages);
        assertEquals(5, query(store).estimatedCount());
    }

    @Test
    void queryWhenFilteredThenOnlyMatchesAndPrefixIsLiteral() throws Exception {
        UserStore store = newPool(true);
        registration(store).create(user("jan", "Secret-1", Map.of("email", "jan@example.com")));
        registration(store).create(user("janet", "Secret-1", Map.of("email", "janet@example.com")));
        UserRecord kim = registration(store).create(user("kim", "Secret-1", Map.of("email", "k_m%@example.com")));
        modification(store).updateEnabled(kim.sub(), false);

        assertEquals(List.of("jan", "janet"), names(query(store).query(Optional.of(
                new UserFilter("username", UserFilter.Match.STARTS_WITH, "jan")), 60, Optional.empty())));
        assertEquals(List.of("janet"), names(query(store).query(Optional.of(
                new UserFilter("email", UserFilter.Match.EQUALS, "janet@example.com")), 60, Optional.empty())));
        assertEquals(List.of("kim"), names(query(store).query(Optional.of(
                new UserFilter("email", UserFilter.Match.STARTS_WITH, "k_m%")), 60, Optional.empty())));
        assertEquals(List.of(), names(query(store).query(Optional.of(
                new UserFilter("email", UserFilter.Match.STARTS_WITH, "k%")), 60, Optional.empty())));
        assertEquals(List.of("kim"), names(query(store).query(Optional.of(
                new UserFilter("status", UserFilter.Match.EQUALS, "Disabled")), 60, Optional.empty())));
        assertEquals(List.of("jan", "janet", "kim"), names(query(store).query(Optional.of(
                new UserFilter("cognito:user_status", UserFilter.Match.EQUALS, "unconfirmed")), 60, Optional.empty())));
        assertNotEquals(0, names(query(store).query(Optional.empty(), 1, Optional.empty())).size());
    }

    @Test
    void transferWhenExportedHashImportedElsewhereThenSamePasswordSameSubAndStatus() throws Exception {
        UserStore source = newPool(true);
        UserStore target = newPool(true);
        Optional<UserTransfer> out = source.capability(UserTransfer.class);
        Assumptions.assumeTrue(out.isPresent(), "the store does not transfer users");
        UserRecord gina = registration(source).create(user("gina", "Moved-House-1", Map.of("email", "g@example.com")));
        UserRecord noPassword = registration(source).create(new NewUser("hal", Optional.empty(),
                UserStatus.EXTERNAL_PROVIDER, Map.of()));
        Map<String, String> hashes = out.get().passwordHashes(List.of(gina.sub(), noPassword.sub()));
        assertEquals(Set.of(gina.sub()), hashes.keySet());
        registration(source).delete(gina.sub());

        UserRecord moved = target.capability(UserTransfer.class).orElseThrow().importUser(new TransferredUser(
                Optional.of(gina.sub()), "gina", Optional.of(hashes.get(gina.sub())), UserStatus.CONFIRMED, false,
                Map.of("email", "g@example.com")));

        assertEquals(gina.sub(), moved.sub());
        assertEquals(UserStatus.CONFIRMED, moved.status());
        assertFalse(moved.enabled());
        assertEquals("g@example.com", moved.attributes().get("email"));
        assertEquals(CredentialValidator.Outcome.INVALID,
                credentials(target).validate(moved, new PasswordCredential("Moved-House-2")));
        assertEquals(CredentialValidator.Outcome.VALID,
                credentials(target).validate(moved, new PasswordCredential("Moved-House-1")));
    }

    @Test
    void importUserWhenSubOrUsernameTakenThenUserExistsNamingIt() throws Exception {
        UserStore store = newPool(true);
        Optional<UserTransfer> transfer = store.capability(UserTransfer.class);
        Assumptions.assumeTrue(transfer.isPresent(), "the store does not transfer users");
        UserRecord ivy = registration(store).create(user("ivy", "Secret-1", Map.of()));

        UserRegistration.UserExistsException sub = assertThrows(UserRegistration.UserExistsException.class,
                () -> transfer.get().importUser(new TransferredUser(Optional.of(ivy.sub()), "ivy2",
                        Optional.empty(), UserStatus.RESET_REQUIRED, true, Map.of())));
        assertEquals("sub", sub.attribute());
        UserRegistration.UserExistsException name = assertThrows(UserRegistration.UserExistsException.class,
                () -> transfer.get().importUser(new TransferredUser(Optional.empty(), "ivy",
                        Optional.empty(), UserStatus.RESET_REQUIRED, true, Map.of())));
        assertEquals("username", name.attribute());
        assertThrows(IllegalArgumentException.class, () -> transfer.get().importUser(new TransferredUser(
                Optional.empty(), "jay", Optional.of("md5:5f4dcc3b5aa765d61d8327deb882cf99"), UserStatus.CONFIRMED,
                true, Map.of())));
        assertTrue(lookup(store).findByUsername("jay").isEmpty());
    }

    @Test
    void srpVerifierWhenSetThenReadBackAndDroppedWithThePasswordOrThePoolsVerifiers() throws Exception {
        UserStore store = newPool(true);
        Optional<SrpVerifierStore> verifiers = store.capability(SrpVerifierStore.class);
        Assumptions.assumeTrue(verifiers.isPresent(), "the store keeps no SRP verifiers");
        UserRecord kim = registration(store).create(user("kim", "Secret-1", Map.of()));
        UserRecord lee = registration(store).create(user("lee", "Secret-1", Map.of()));
        byte[] sealed = new byte[600];
        new java.util.Random(7).nextBytes(sealed);

        assertTrue(verifiers.get().srpVerifier(kim.sub()).isEmpty());
        assertTrue(verifiers.get().setSrpVerifier(kim.sub(), sealed));
        assertTrue(verifiers.get().setSrpVerifier(lee.sub(), sealed));
        assertFalse(verifiers.get().setSrpVerifier("00000000-0000-0000-0000-000000000000", sealed));
        assertEquals(java.util.HexFormat.of().formatHex(sealed),
                java.util.HexFormat.of().formatHex(verifiers.get().srpVerifier(kim.sub()).orElseThrow()));

        modification(store).updatePassword(kim.sub(), new PasswordCredential("Secret-2"));
        assertTrue(verifiers.get().srpVerifier(kim.sub()).isEmpty(), "a new password drops the old verifier");
        assertTrue(verifiers.get().srpVerifier(lee.sub()).isPresent());
        verifiers.get().deleteSrpVerifiers();
        assertTrue(verifiers.get().srpVerifier(lee.sub()).isEmpty());
    }

    private static List<String> names(UserPage page) {
        return page.users().stream().map(UserRecord::username).toList();
    }

    private static NewUser user(String username, String password, Map<String, String> attributes) {
        return new NewUser(username, Optional.of(new PasswordCredential(password)), UserStatus.UNCONFIRMED, attributes);
    }

    private static UserLookup lookup(UserStore store) {
        return store.capability(UserLookup.class).orElseThrow();
    }

    private static UserRegistration registration(UserStore store) {
        return store.capability(UserRegistration.class).orElseThrow();
    }

    private static CredentialValidator credentials(UserStore store) {
        return store.capability(CredentialValidator.class).orElseThrow();
    }

    private static UserModification modification(UserStore store) {
        return store.capability(UserModification.class).orElseThrow();
    }

    private static UserQuery query(UserStore store) {
        return store.capability(UserQuery.class).orElseThrow();
    }
}
