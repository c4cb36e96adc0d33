package io.gatehouse.engine.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Each pool's token signing keys: one active RSA key per purpose, created with the pool. A retired key (rotation
 * is not exposed yet) stays published until every token it signed has expired. Keys live in the database, so every node
 * signs and verifies with the same ones.
 */
@ApplicationScoped
@Transactional
public class SigningKeys {


    private static final int RSA_BITS = 2048;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    Clock clock;

    /** Creates the pool's first keys, one per purpose. */
    public void createFor(String userPoolId) {
        for (TokenPurpose purpose : TokenPurpose.values()) {
            em.persist(newKey(userPoolId, purpose));
        }
    }

    /** The key that signs new tokens of {@code purpose} for the pool, with its private part. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RSAKey active(String userPoolId, TokenPurpose purpose) {
        return keys(userPoolId).stream()
                .filter(k -> k.purpose() == purpose && k.retiredAt() == null)
                .reduce((first, second) -> second)
                .map(k -> parse(k.privateJwk()))
                .orElseThrow(() -> new IllegalStateException("user pool " + userPoolId + " has no active "
                        + purpose + " key"));
    }

    /** The public keys that verify the pool's tokens: the active ones and the recently retired ones. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JWKSet publicKeys(String userPoolId) {
        long oldestKept = clock.millis() - TokenService.LONGEST_SIGNED_TOKEN.toMillis();
        return new JWKSet(keys(userPoolId).stream()
                .filter(k -> k.retiredAt() == null || k.retiredAt() >= oldestKept)
                .map(k -> parse(k.privateJwk()).toPublicJWK())
                .map(com.nimbusds.jose.jwk.JWK.class::cast)
                .toList());
    }

    private List<SigningKeyEntity> keys(String userPoolId) {
        return em.createQuery("select k from SigningKeyEntity k where k.userPoolId = :pool order by k.createdAt",
                SigningKeyEntity.class).setParameter("pool", userPoolId).getResultList();
    }

    private SigningKeyEntity newKey(String userPoolId, TokenPurpose purpose) {
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            return new SigningKeyEntity(key.getKeyID(), userPoolId, purpose, JWSAlgorithm.RS256.getName(),
                    key.toJSONString(), clock.millis());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static RSAKey parse(String jwk) {
        try {
            return RSAKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is corrupt", e);
        }
    }
}
