package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.UserFilter;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserQuery;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPool;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How a pool finds the user a caller names, and the store capabilities the core needs. */
final class PoolUsers {

    private PoolUsers() {
    }

    /** Finds a user by user name, or by the attribute the pool signs users in with, or by a verified alias. */
    static Optional<UserRecord> find(UserPool pool, UserStore store, String name) {
        Optional<UserRecord> user = capability(store, UserLookup.class).findByUsername(name);
        for (String attribute : names(pool.settings().path("UsernameAttributes"))) {
            if (user.isEmpty()) {
                user = byAttribute(store, attribute, name);
            }
        }
        for (String attribute : names(pool.settings().path("AliasAttributes"))) {
            if (user.isEmpty()) {
                user = capability(store, UserLookup.class).findByAlias(attribute, name);
            }
        }
        return user;
    }

    /**
     * A name as {@link #find} compares it, for the lock counter of a name that finds no user: two names that differ
     * only in case share a counter exactly where the lookup would find the same user by both, or the lock would
     * tell whether that user exists. An e-mail alias is looked up in lower case; a user name per the pool's
     * case-sensitivity; an e-mail address or phone number the pool signs in with, and a phone number, exactly.
     */
    static String lookupName(UserPool pool, String name) {
        JsonNode settings = pool.settings();
        if (name.contains("@") && names(settings.path("AliasAttributes")).contains("email")) {
            return name.toLowerCase(Locale.ROOT);
        }
        if (!names(settings.path("UsernameAttributes")).isEmpty() && (name.contains("@") || name.startsWith("+"))) {
            return name;
        }
        return UserStores.caseSensitiveUsernames(pool) ? name : name.toLowerCase(Locale.ROOT);
    }

    /**
     * The user an administrator names, by user name or alias.
     *
     * @throws ServiceException {@code UserNotFoundException}: administrators are told, whatever the clients'
     *                          existence-error setting
     */
    static UserRecord existing(UserPool pool, UserStore store, String name) {
        return find(pool, store, name).orElseThrow(() ->
                new ServiceException("UserNotFoundException", "User does not exist."));
    }

    /**
     * Refuses an e-mail address or phone number that the pool signs users in with and another user already has.
     *
     * @throws ServiceException {@code AliasExistsException}
     */
    static void checkSignInAttributeFree(UserPool pool, UserStore store, UserRecord user, String attribute,
                                         String value) {
        if (names(pool.settings().path("UsernameAttributes")).contains(attribute)
                && byAttribute(store, attribute, value).filter(u -> !u.sub().equals(user.sub())).isPresent()) {
            throw new ServiceException("AliasExistsException", "An account with the given "
                    + ("email".equals(attribute) ? "email" : "phone number") + " already exists.");
        }
    }

    static Optional<UserRecord> byAttribute(UserStore store, String attribute, String value) {
        return capability(store, UserQuery.class)
                .query(Optional.of(new UserFilter(attribute, UserFilter.Match.EQUALS, value)), 1, Optional.empty())
                .users().stream().findFirst();
    }

    /**
     * The user name to store. In pools that sign in with an e-mail address or phone number, the name given is
     * that attribute (added to {@code values}) and the stored name is a new UUID.
     */
    static String storedUsername(JsonNode settings, String username, java.util.Map<String, String> values) {
        Set<String> usernameAttributes = names(settings.path("UsernameAttributes"));
        if (usernameAttributes.isEmpty()) {
            return username;
        }
        String attribute = username.contains("@") ? "email" : "phone_number";
        if (!usernameAttributes.contains(attribute)) {
            throw ServiceException.invalidParameter("Username should be " + String.join(" or ", usernameAttributes)
                    + ".");
        }
        values.put(attribute, username);
        return java.util.UUID.randomUUID().toString();
    }

    static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    static <C> C capability(UserStore store, Class<C> capability) {
        return store.capability(capability).orElseThrow(() -> new ServiceException("InvalidParameterException",
                "This user pool's user store cannot do that (" + capability.getSimpleName() + ")."));
    }
}
