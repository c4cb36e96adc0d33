package io.gatehouse.engine.srp;

import io.gatehouse.api.userstore.SrpVerifierStore;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Users' SRP verifiers: made whenever a password is set (the only moment the clear password is at hand), sealed
 * with the server's data key and bound to the pool and user, kept by the user store beside the password hash.
 *
 * <p>A pool turns SRP off with the user-pool tag {@value #TAG}{@code =disabled} (settable with CreateUserPool,
 * UpdateUserPool): then no verifier is kept, and USER_SRP_AUTH is refused.
 */
@ApplicationScoped
public class SrpCredentials {

    public static final String TAG = "gatehouse:srp";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    DataKey dataKey;

    /** Whether the pool signs users in with SRP. */
    public static boolean enabled(UserPool pool) {
        return !"disabled".equalsIgnoreCase(pool.settings().path("UserPoolTags").path(TAG).asText(""));
    }

    /** The pool's name in SRP's identity: its id after the region and underscore, as the clients take it. */
    public static String poolName(String userPoolId) {
        return userPoolId.substring(userPoolId.indexOf('_') + 1);
    }

    /** Stores the verifier of a password just set for {@code user}, when the pool has SRP and the store can keep it. */
    public void passwordSet(UserPool pool, UserStore store, UserRecord user, String password) {
        if (enabled(pool)) {
            store.capability(SrpVerifierStore.class).ifPresent(verifiers -> verifiers.setSrpVerifier(user.sub(),
                    seal(pool, user, SrpVerifier.create(poolName(pool.id()), user.username(), password))));
        }
    }

    /**
     * After a password sign-in: a user who has no verifier (imported with another system's hash, or from before the
     * store kept verifiers) gets one, so their next sign-in may use SRP; so does one whose verifier was sealed with a
     * previous data key (or before sealed values named their key), so that the previous key can be retired.
     */
    public void ensure(UserPool pool, UserStore store, UserRecord user, String password) {
        if (enabled(pool) && store.capability(SrpVerifierStore.class)
                .map(verifiers -> verifiers.srpVerifier(user.sub()).map(v -> !dataKey.sealedWithCurrentKey(v))
                        .orElse(true)).orElse(false)) {
            passwordSet(pool, store, user, password);
        }
    }

    /** The user's verifier, when the pool has SRP and the store has one for them that opens. */
    public Optional<SrpVerifier> verifier(UserPool pool, UserStore store, UserRecord user) {
        if (!enabled(pool)) {
            return Optional.empty();
        }
        return store.capability(SrpVerifierStore.class)
                .flatMap(verifiers -> verifiers.srpVerifier(user.sub()))
                .flatMap(sealed -> dataKey.open(sealed, context(pool, user)))
                .map(SrpVerifier::fromBytes);
    }

    /** Forgets every verifier of the pool, which turned SRP off. */
    public void forgetAll(UserStore store) {
        store.capability(SrpVerifierStore.class).ifPresent(SrpVerifierStore::deleteSrpVerifiers);
    }

    /**
     * A verifier for a user who does not exist or has none, so that their challenge looks like anyone's: the salt
     * is the same each time for the same name (a changing salt would give them away), the verifier random.
     */
    public SrpVerifier decoy(UserPool pool, String username) {
        byte[] mac = dataKey.mac("srp decoy salt\u0000" + pool.id() + "\u0000" + username.toLowerCase(Locale.ROOT));
        return new SrpVerifier(new BigInteger(1, Arrays.copyOf(mac, 16)),
                new BigInteger(SrpGroup.N.bitLength() - 1, RANDOM));
    }

    /**
     * The USER_ID_FOR_SRP of a user who does not exist: the name itself, or in pools whose users sign in with an
     * e-mail address or phone number, where real users' ids are UUIDs, a UUID that stays the same for the name.
     */
    public String decoyUserId(UserPool pool, String username) {
        if (pool.settings().path("UsernameAttributes").isEmpty()) {
            return username;
        }
        ByteBuffer mac = ByteBuffer.wrap(dataKey.mac("srp decoy id\u0000" + pool.id() + "\u0000"
                + username.toLowerCase(Locale.ROOT)));
        return new UUID(mac.getLong() & ~0xF000L | 0x4000L, mac.getLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
                .toString();
    }

    private byte[] seal(UserPool pool, UserRecord user, SrpVerifier verifier) {
        return dataKey.seal(verifier.toBytes(), context(pool, user));
    }

    private static String context(UserPool pool, UserRecord user) {
        return "srp verifier\u0000" + pool.id() + "\u0000" + user.sub();
    }
}
