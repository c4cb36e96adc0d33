package io.gatehouse.engine.federation.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.federation.ProviderLinks;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.PreSignUps;
import io.gatehouse.engine.users.UserStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pool's user an upstream identity signs in as: the native user an administrator linked it to
 * (AdminLinkProviderForUser), else the federated user {@code <ProviderName>_<subject>}, made on the first sign-in
 * with status EXTERNAL_PROVIDER and given the mapped attributes again at every sign-in, as Cognito does. As in
 * Cognito, a federated user is put in the IdP's own group, {@code <userPoolId>_<ProviderName>}, made with the first.
 */
@ApplicationScoped
public class UpstreamUsers {

    /** Cognito's attribute that lists a user's upstream identities, as JSON; the ID token carries it. */
    static final String IDENTITIES = "identities";

    @Inject
    UserStores stores;

    @Inject
    ProviderLinks links;

    @Inject
    Clock clock;

    @Inject
    UserPools pools;

    @Inject
    Groups groups;

    @Inject
    PreSignUps preSignUps;

    /**
     * @throws ServiceException {@code NotAuthorizedException} when the user is disabled
     */
    @Transactional
    public UserRecord signInAs(UserPool pool, PoolIdentityProvider idp, UpstreamIdentity identity) {
        return signInAs(pool, idp, identity, Optional.empty());
    }

    /**
     * The user the identity signs in as, through the app client {@code clientId}. A first sign-in runs the pool's
     * PreSignUp trigger ({@code PreSignUp_ExternalProvider}) on the mapped attributes before the user is made: its
     * refusal ends the sign-in with nothing written; {@code autoVerifyEmail} / {@code autoVerifyPhone} mark the
     * mapped address or phone verified.
     *
     * @throws ServiceException {@code NotAuthorizedException} when the user is disabled; the trigger's error
     */
    @Transactional
    public UserRecord signInAs(UserPool pool, PoolIdentityProvider idp, UpstreamIdentity identity,
                               Optional<String> clientId) {
        UserStore store = stores.forPool(pool);
        UserLookup lookup = UserStores.capability(store, UserLookup.class);
        Optional<UserRecord> linked = links.linkedSub(pool.id(), idp.providerName(), identity.subject())
                .flatMap(lookup::findBySub);
        UserRecord user = linked.orElseGet(() -> federatedUser(pool, store, lookup, idp, identity, clientId));
        if (!user.enabled()) {
            throw new ServiceException("NotAuthorizedException", "User is disabled.");
        }
        // A linked native user signs in as they would with a password: not before their account is ready (a
        // temporary password to change, a reset pending), else the code given now could not be redeemed.
        if (user.status() != UserStatus.CONFIRMED && user.status() != UserStatus.EXTERNAL_PROVIDER) {
            throw new ServiceException("NotAuthorizedException", "The user linked to this identity must first "
                    + "finish setting up their account.");
        }
        return user;
    }

    /**
     * The pool's user an upstream subject signs in as, if they have signed in (or been linked) before: for a sign-out
     * the IdP began, which names the upstream subject.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> subOf(UserPool pool, PoolIdentityProvider idp, String subject) {
        Optional<String> linked = links.linkedSub(pool.id(), idp.providerName(), subject);
        if (linked.isPresent()) {
            return linked;
        }
        return UserStores.capability(stores.forPool(pool), UserLookup.class)
                .findByUsername(idp.providerName() + "_" + subject).map(UserRecord::sub);
    }

    private UserRecord federatedUser(UserPool pool, UserStore store, UserLookup lookup, PoolIdentityProvider idp,
                                     UpstreamIdentity identity, Optional<String> clientId) {
        String username = idp.providerName() + "_" + identity.subject();
        Map<String, String> mapped = AttributeMapping.apply(idp.attributeMapping(), identity.claims());
        Optional<UserRecord> existing = lookup.findByUsername(username);
        if (existing.isPresent()) {
            UserRecord user = existing.get();
            Map<String, String> changed = new HashMap<>();
            mapped.forEach((name, value) -> {
                if (!value.equals(user.attributes().get(name))) {
                    changed.put(name, value);
                }
            });
            if (!changed.isEmpty()) {
                UserStores.capability(store, UserModification.class).updateAttributes(user.sub(), changed, Set.of());
                return lookup.findBySub(user.sub()).orElse(user);
            }
            return user;
        }
        // The trigger runs before the turn is taken, so a slow one holds no lock.
        Map<String, String> attributes = new HashMap<>(mapped);
        preSignUps.run(pool, PreSignUps.EXTERNAL_PROVIDER, username, clientId, attributes, Map.of(), Map.of());
        // First sign-ins of the pool's users through its IdPs take turns: the IdP's group is made once, and two
        // sign-ins of one new upstream user make one user.
        pools.lockForUpdate(idp.userPoolId());
        Optional<UserRecord> madeMeanwhile = lookup.findByUsername(username);
        if (madeMeanwhile.isPresent()) {
            return madeMeanwhile.get();
        }
        attributes.put(IDENTITIES, identities(idp, identity));
        UserRecord made;
        try {
            made = UserStores.capability(store, UserRegistration.class).create(new NewUser(username, Optional.empty(),
                    UserStatus.EXTERNAL_PROVIDER, attributes));
        } catch (UserRegistration.UserExistsException e) {
            throw new ServiceException("AliasExistsException", "An account with the given " + e.attribute()
                    + " already exists.");
        }
        String group = idp.userPoolId() + "_" + idp.providerName();
        if (!groups.exists(idp.userPoolId(), group)) {
            groups.create(idp.userPoolId(), group, "Autogenerated group for users who sign in using "
                    + idp.providerName(), null, null);
        }
        groups.addMember(idp.userPoolId(), group, made.sub());
        return made;
    }

    /** Cognito's {@code identities} value: the upstream identity the user was made from. */
    private String identities(PoolIdentityProvider idp, UpstreamIdentity identity) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        list.addObject().put("userId", identity.subject()).put("providerName", idp.providerName())
                .put("providerType", idp.providerType()).putNull("issuer").put("primary", true)
                .put("dateCreated", clock.millis());
        return Json.write(list);
    }
}
