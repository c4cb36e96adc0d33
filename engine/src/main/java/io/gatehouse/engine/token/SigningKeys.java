package io.gatehouse.engine.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each pool's token signing keys: one signing RSA key per purpose at a time, created with the pool and rotated
 * after {@code gatehouse.token.key-rotation-period} (P90D; PT0S turns rotation off). A successor is published in
 * the JWKS {@code gatehouse.token.key-publish-lead} (PT1H) before it signs, so resource servers that cache the JWKS
 * for less than that never meet an unknown key; a retired key stays published until every token it signed has
 * expired. Keys live in the database, sealed with the data key, so every node signs and verifies with the same ones;
 * each node keeps a pool's keys, opened, parsed and ready to sign, for a minute, and looks again at once for a key
 * id it does not know: a key is decrypted once per load, never per token.
 *
 * <p>No transaction interceptor on the readers: they read the keys in the caller's transaction if there is one and
 * without one otherwise, which is what {@code SUPPORTS} would do, and {@link #active} runs twice for every token
 * set, nearly always from the cache, where the interceptor was most of its cost.
 */
@ApplicationScoped
public class SigningKeys {

    static final int RSA_BITS = 2048;
    private static final Duration CACHED_FOR = Duration.ofMinutes(1);
    /** An unknown key id reloads a pool's keys at most this often, so made-up ids cannot hammer the database. */
    private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(1);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SigningProvider signingProvider;

    @Inject
    KeyRotation rotation;

    @Inject
    DataKey dataKey;

    @Inject
    @ConfigProperty(name = "gatehouse.token.key-rotation-period", defaultValue = "P90D")
    Duration rotationPeriod;

    @Inject
    @ConfigProperty(name = "gatehouse.token.key-publish-lead", defaultValue = "PT1H")
    Duration publishLead;

    private final Map<String, PoolKeys> cache = new ConcurrentHashMap<>();

    /** A key ready to sign: its id and a signer on the chosen JCA provider. */
    public record ActiveKey(String kid, JWSSigner signer) {
    }

    /** A published key, and a verifier for it built once rather than for every token checked. */
    public record PublishedKey(JWK jwk, JWSVerifier verifier) {
    }

    /** A pool's keys as loaded at {@code loadedAt}: the signers, the JWKS and its keys by id. */
    private record PoolKeys(Instant loadedAt, Map<TokenPurpose, ActiveKey> signers, JWKSet published,
                            Map<String, PublishedKey> byKid) {
    }

    /** Creates the pool's first keys, one per purpose, signing at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createFor(String userPoolId) {
        long now = clock.millis();
        for (TokenPurpose purpose : TokenPurpose.values()) {
            em.persist(newKey(dataKey, userPoolId, purpose, now, now));
        }
    }

    /** Forgets this node's copy of a deleted pool's keys. */
    public void forget(String userPoolId) {
        cache.remove(userPoolId);
    }

    /** The key that signs new tokens of {@code purpose} for the pool. */
    public ActiveKey active(String userPoolId, TokenPurpose purpose) {
        ActiveKey key = current(userPoolId).signers().get(purpose);
        if (key == null) {
            throw new IllegalStateException("user pool " + userPoolId + " has no active " + purpose + " key");
        }
        return key;
    }

    /** The public keys that verify the pool's tokens: the signing ones, their successors and the recently retired. */
    public JWKSet publicKeys(String userPoolId) {
        return current(userPoolId).published();
    }

    /** The public key {@code kid} of the pool with its verifier, if it is published. */
    public Optional<PublishedKey> publicKey(String userPoolId, String kid) {
        PoolKeys keys = current(userPoolId);
        PublishedKey key = keys.byKid().get(kid);
        if (key == null && keys.loadedAt().plus(UNKNOWN_KID_RELOAD).isBefore(clock.instant())) {
            key = load(userPoolId).byKid().get(kid);
        }
        return Optional.ofNullable(key);
    }

    private PoolKeys current(String userPoolId) {
        PoolKeys keys = cache.get(userPoolId);
        if (keys == null || keys.loadedAt().plus(CACHED_FOR).isBefore(clock.instant())) {
            keys = load(userPoolId);
        }
        return keys;
    }

    private PoolKeys load(String userPoolId) {
        Instant now = clock.instant();
        KeyRing ring = ring(userPoolId);
        for (TokenPurpose purpose : TokenPurpose.values()) {
            if (!ring.keys().isEmpty() && ring.rotationDue(purpose, now, rotationPeriod)) {
                rotation.scheduleSuccessor(userPoolId, purpose, rotationPeriod, publishLead);
                ring = ring(userPoolId);
            }
        }
        Map<String, RSAKey> opened = new HashMap<>();
        Map<TokenPurpose, ActiveKey> signers = new EnumMap<>(TokenPurpose.class);
        for (TokenPurpose purpose : TokenPurpose.values()) {
            ring.active(purpose, now).ifPresent(k -> {
                RSAKey jwk = opened.computeIfAbsent(k.kid(), kid -> open(userPoolId, k));
                signers.put(purpose, new ActiveKey(k.kid(), signingProvider.signer(jwk)));
            });
        }
        Map<String, PublishedKey> byKid = new LinkedHashMap<>();
        for (KeyRing.Key k : ring.published(now, TokenService.LONGEST_SIGNED_TOKEN)) {
            RSAKey publicKey = opened.computeIfAbsent(k.kid(), kid -> open(userPoolId, k)).toPublicJWK();
            byKid.put(k.kid(), new PublishedKey(publicKey, signingProvider.verifier(publicKey)));
        }
        JWKSet published = new JWKSet(byKid.values().stream().map(PublishedKey::jwk).toList());
        PoolKeys keys = new PoolKeys(now, signers, published, byKid);
        if (!ring.keys().isEmpty()) {
            cache.put(userPoolId, keys);
        }
        return keys;
    }

    private KeyRing ring(String userPoolId) {
        List<KeyRing.Key> keys = em.createQuery("select k from SigningKeyEntity k where k.userPoolId = :pool",
                        SigningKeyEntity.class)
                .setParameter("pool", userPoolId).getResultList().stream()
                .map(SigningKeyEntity::toKey)
                .toList();
        return new KeyRing(keys);
    }

    /** A new RSA key of the pool, published now and signing from {@code activatesAt}, sealed with the data key. */
    static SigningKeyEntity newKey(DataKey dataKey, String userPoolId, TokenPurpose purpose, long createdAt,
                                   long activatesAt) {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new SigningKeyEntity(key.getKeyID(), userPoolId, purpose, JWSAlgorithm.RS256.getName(),
                    dataKey.sealText(key.toJSONString(), context(userPoolId, key.getKeyID())), createdAt,
                    activatesAt);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /**
     * The key pair of a stored key.
     *
     * @throws io.gatehouse.engine.security.SealedValueException when it is not sealed, or does not open
     */
    private RSAKey open(String userPoolId, KeyRing.Key key) {
        String jwk = dataKey.openText(key.sealedJwk(), context(userPoolId, key.kid()));
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            // Not chained: the parser's message may quote the key.
            throw new IllegalStateException("the stored signing key " + key.kid() + " is corrupt");
        }
    }

    private static String context(String userPoolId, String kid) {
        return SealedColumn.SIGNING_KEY.context(userPoolId, kid);
    }
}
