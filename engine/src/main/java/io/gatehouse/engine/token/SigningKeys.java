package io.gatehouse.engine.token;

import com.nimbusds.jose.JOSEException;
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
 * Each key owner's token signing keys (a user pool's, or the identity pools' issuer's; see {@link KeyOwner}): one
 * signing RSA key per purpose at a time, created with the pool (the issuer's when first needed) and rotated
 * after {@code gatehouse.token.key-rotation-period} (P90D; PT0S turns rotation off). A successor is published in
 * the JWKS {@code gatehouse.token.key-publish-lead} (PT1H) before it signs, so resource servers that cache the JWKS
 * for less than that never meet an unknown key; a retired key stays published until every token it signed has
 * expired. Keys live in the database, sealed with the data key, so every node signs and verifies with the same ones;
 * each node keeps an owner's keys, opened, parsed and ready to sign, for a minute, and looks again at once for a
 * key id it does not know: a key is decrypted once per load, never per token.
 *
 * <p>No transaction interceptor on the readers: they read the keys in the caller's transaction if there is one and
 * without one otherwise, which is what {@code SUPPORTS} would do, and {@link #active} runs twice for every token
 * set, nearly always from the cache, where the interceptor was most of its cost.
 */
@ApplicationScoped
public class SigningKeys {

    static final int RSA_BITS = 2048;
    private static final Duration CACHED_FOR = Duration.ofMinutes(1);
    /** An unknown key id reloads an owner's keys at most this often, so made-up ids cannot hammer the database. */
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

    private final Map<String, OwnerKeys> cache = new ConcurrentHashMap<>();

    /** A key ready to sign: its id and a signer on the chosen JCA provider. */
    public record ActiveKey(String kid, JWSSigner signer) {
    }

    /** A published key, and a verifier for it built once rather than for every token checked. */
    public record PublishedKey(JWK jwk, JWSVerifier verifier) {
    }

    /** An owner's keys as loaded at {@code loadedAt}: the signers, the JWKS and its keys by id. */
    private record OwnerKeys(Instant loadedAt, Map<TokenPurpose, ActiveKey> signers, JWKSet published,
                            Map<String, PublishedKey> byKid) {
    }

    /**
     * Makes a new owner (a new user pool) and its first keys, one per purpose, signing at once. The caller has
     * written the pool's row already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createFor(KeyOwner owner) {
        em.createNativeQuery("INSERT INTO key_owner (id) VALUES (?1)").setParameter(1, owner.id()).executeUpdate();
        long now = clock.millis();
        for (TokenPurpose purpose : owner.purposes()) {
            em.persist(newKey(dataKey, owner.id(), purpose, now, now));
        }
    }

    /** Deletes an owner (a deleted user pool) and its keys, and this node's copy of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteFor(KeyOwner owner) {
        em.createNativeQuery("DELETE FROM key_owner WHERE id = ?1").setParameter(1, owner.id()).executeUpdate();
        cache.remove(owner.id());
    }

    /** The key that signs new tokens of {@code purpose} for the owner. */
    public ActiveKey active(KeyOwner owner, TokenPurpose purpose) {
        ActiveKey key = current(owner).signers().get(purpose);
        if (key == null) {
            throw new IllegalStateException("key owner " + owner.id() + " has no active " + purpose + " key");
        }
        return key;
    }

    /** The public keys that verify the owner's tokens: the signing ones, their successors and the recently retired. */
    public JWKSet publicKeys(KeyOwner owner) {
        return current(owner).published();
    }

    /** The public key {@code kid} of the owner with its verifier, if it is published. */
    public Optional<PublishedKey> publicKey(KeyOwner owner, String kid) {
        OwnerKeys keys = current(owner);
        PublishedKey key = keys.byKid().get(kid);
        if (key == null && keys.loadedAt().plus(UNKNOWN_KID_RELOAD).isBefore(clock.instant())) {
            key = load(owner).byKid().get(kid);
        }
        return Optional.ofNullable(key);
    }

    private OwnerKeys current(KeyOwner owner) {
        OwnerKeys keys = cache.get(owner.id());
        if (keys == null || keys.loadedAt().plus(CACHED_FOR).isBefore(clock.instant())) {
            keys = load(owner);
        }
        return keys;
    }

    private OwnerKeys load(KeyOwner owner) {
        Instant now = clock.instant();
        KeyRing ring = ring(owner.id());
        for (TokenPurpose purpose : owner.purposes()) {
            if ((!ring.keys().isEmpty() || owner.keyedOnFirstUse()) && ring.rotationDue(purpose, now, rotationPeriod)) {
                rotation.scheduleSuccessor(owner.id(), purpose, rotationPeriod, publishLead);
                ring = ring(owner.id());
                // An owner's first key signs from the moment it was made, which is after this load began.
                now = clock.instant();
            }
        }
        Map<String, RSAKey> opened = new HashMap<>();
        Map<TokenPurpose, ActiveKey> signers = new EnumMap<>(TokenPurpose.class);
        for (TokenPurpose purpose : owner.purposes()) {
            ring.active(purpose, now).ifPresent(k -> {
                RSAKey jwk = opened.computeIfAbsent(k.kid(), kid -> open(owner.id(), k));
                signers.put(purpose, new ActiveKey(k.kid(), signingProvider.signer(jwk)));
            });
        }
        Map<String, PublishedKey> byKid = new LinkedHashMap<>();
        for (KeyRing.Key k : ring.published(now, TokenService.LONGEST_SIGNED_TOKEN)) {
            RSAKey publicKey = opened.computeIfAbsent(k.kid(), kid -> open(owner.id(), k)).toPublicJWK();
            byKid.put(k.kid(), new PublishedKey(publicKey, signingProvider.verifier(publicKey)));
        }
        JWKSet published = new JWKSet(byKid.values().stream().map(PublishedKey::jwk).toList());
        OwnerKeys keys = new OwnerKeys(now, signers, published, byKid);
        if (!ring.keys().isEmpty()) {
            cache.put(owner.id(), keys);
        }
        return keys;
    }

    private KeyRing ring(String ownerId) {
        List<KeyRing.Key> keys = em.createQuery("select k from SigningKeyEntity k where k.owner = :owner",
                        SigningKeyEntity.class)
                .setParameter("owner", ownerId).getResultList().stream()
                .map(SigningKeyEntity::toKey)
                .toList();
        return new KeyRing(keys);
    }

    /**
     * A new RSA key of the owner for {@code purpose} (and its algorithm), published now and signing from
     * {@code activatesAt}, sealed with the data key.
     */
    static SigningKeyEntity newKey(DataKey dataKey, String ownerId, TokenPurpose purpose, long createdAt,
                                   long activatesAt) {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(purpose.algorithm())
                    .generate();
            return new SigningKeyEntity(key.getKeyID(), ownerId, purpose, purpose.algorithm().getName(),
                    dataKey.sealText(key.toJSONString(), context(ownerId, key.getKeyID())), createdAt,
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
    private RSAKey open(String ownerId, KeyRing.Key key) {
        String jwk = dataKey.openText(key.sealedJwk(), context(ownerId, key.kid()));
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            // Not chained: the parser's message may quote the key.
            throw new IllegalStateException("the stored signing key " + key.kid() + " is corrupt");
        }
    }

    private static String context(String ownerId, String kid) {
        return SealedColumn.SIGNING_KEY.context(ownerId, kid);
    }
}
