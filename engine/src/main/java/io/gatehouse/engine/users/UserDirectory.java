package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserPage;
import io.gatehouse.api.userstore.UserQuery;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.ProviderLinks;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.mfa.UserMfa;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.userpool.PageToken;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.threat.adaptive.AuthEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The administrator's view of a pool's users: look one up, list and search them, disable, enable, sign out and
 * delete them. Administrators name users by user name or alias and are told when there is no such user.
 */
@ApplicationScoped
public class UserDirectory {

    @Inject
    Devices devices;

    @Inject
    UserMfa userMfa;

    @Inject
    UserPools pools;

    @Inject
    UserStores stores;

    @Inject
    TokenService tokens;

    @Inject
    Groups groups;

    @Inject
    ProviderLinks providerLinks;

    @Inject
    AuthEvents authEvents;

    /** The user, by user name or alias (AdminGetUser). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UserRecord get(String userPoolId, String username) {
        UserPool pool = pools.get(userPoolId);
        return PoolUsers.existing(pool, stores.forPool(pool), username);
    }

    /**
     * The user with exactly this user name, not an alias: empty when there is none, where {@link #get} throws (which
     * would mark the caller's transaction for rollback).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserRecord> byUsername(String userPoolId, String username) {
        return PoolUsers.capability(stores.forPool(pools.get(userPoolId)), UserLookup.class).findByUsername(username);
    }

    /** The users with these subs, in the same order; subs of users deleted meanwhile are skipped. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserRecord> bySubs(String userPoolId, List<String> subs) {
        UserLookup lookup = PoolUsers.capability(stores.forPool(pools.get(userPoolId)), UserLookup.class);
        return subs.stream().map(lookup::findBySub).flatMap(Optional::stream).toList();
    }

    /** Deletes the user and ends their sign-ins (AdminDeleteUser). */
    @Transactional
    public void delete(String userPoolId, String username) {
        UserPool pool = pools.get(userPoolId);
        UserStore store = stores.forPool(pool);
        remove(pool, store, PoolUsers.existing(pool, store, username));
    }

    /**
     * Deletes a user with everything kept about them (AdminDeleteUser, DeleteUser): sign-ins, group memberships,
     * devices, MFA enrolments, links to IdP identities, and the auth events (addresses and browsers they signed in
     * from), in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void remove(UserPool pool, UserStore store, UserRecord user) {
        tokens.revokeAll(pool.id(), user.sub());
        groups.forgetUser(pool.id(), user.sub());
        devices.forgetUser(pool.id(), user.sub());
        userMfa.forgetUser(pool.id(), user.sub());
        providerLinks.forgetUser(pool.id(), user.sub());
        authEvents.forgetUser(pool.id(), user.sub());
        PoolUsers.capability(store, UserRegistration.class).delete(user.sub());
    }

    /**
     * Enables or disables the user (AdminEnableUser, AdminDisableUser). A disabled user cannot sign in or
     * refresh, and their current sign-ins end.
     */
    @Transactional
    public void setEnabled(String userPoolId, String username, boolean enabled) {
        UserPool pool = pools.get(userPoolId);
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.existing(pool, store, username);
        PoolUsers.capability(store, UserModification.class).updateEnabled(user.sub(), enabled);
        if (!enabled) {
            tokens.revokeAll(pool.id(), user.sub());
        }
    }

    /** Ends every sign-in of the user (AdminUserGlobalSignOut). */
    @Transactional
    public void signOut(String userPoolId, String username) {
        UserPool pool = pools.get(userPoolId);
        tokens.revokeAll(pool.id(), PoolUsers.existing(pool, stores.forPool(pool), username).sub());
    }

    /** A page of the pool's users, filtered as ListUsers' {@code Filter} says (see {@link UserFilters}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(String userPoolId, String filter, int limit, Optional<String> paginationToken) {
        UserPool pool = pools.get(userPoolId);
        String tokenKind = "users:" + pool.id();
        Optional<String> cursor = PageToken.decode(tokenKind, paginationToken);
        UserQuery query = PoolUsers.capability(stores.forPool(pool), UserQuery.class);
        UserPage page;
        try {
            page = query.query(UserFilters.parse(filter), limit, cursor);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidParameter(cursor.isPresent() ? "Invalid pagination token."
                    : e.getMessage());
        }
        return new Page(page, page.nextCursor().map(c -> PageToken.encode(tokenKind, c)));
    }

    /** A page of users and the token that continues after it. */
    public record Page(UserPage users, Optional<String> paginationToken) {
    }
}
