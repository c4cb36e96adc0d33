package io.gatehouse.engine.federation.local;

import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.federation.IdentityProviders.PoolIdentityProvider;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealedColumn;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each pool as the party relying on its IdPs (SAML's service provider): its entity id, its endpoints and its keys,
 * one signing and one encryption RSA key in use, made the first time a pool needs them and kept in the database,
 * sealed, so every node signs and decrypts with the same ones. A node keeps a pool's keys opened for a minute;
 * a rotation on another node reaches it within that minute, and an IdP encrypting for the old key still succeeds,
 * since a retired encryption key keeps opening assertions.
 */
@ApplicationScoped
public class LocalParties {

    static final int RSA_BITS = 2048;
    private static final Duration CACHED_FOR = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    DataKey dataKey;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(LocalParty party, long loadedAt) {
    }

    /** Cognito's name for a pool towards SAML IdPs. */
    public static String entityId(String userPoolId) {
        return "urn:amazon:cognito:sp:" + userPoolId;
    }

    /** The IdP as its provider takes it to sign in or out: with the pool's side. */
    public IdentityProviderSettings settingsOf(PoolIdentityProvider idp) {
        return idp.settings().withLocalParty(of(idp.userPoolId()));
    }

    /** Where SAML IdPs post their responses (Cognito's {@code /saml2/idpresponse}). */
    public URI assertionConsumerUri() {
        return URI.create(config.baseUrl() + "/saml2/idpresponse");
    }

    /** Where SAML sign-out messages come (Cognito's {@code /saml2/logout}). */
    public URI singleLogoutUri() {
        return URI.create(config.baseUrl() + "/saml2/logout");
    }

    /**
     * The pool's side, its keys made first if it has none.
     *
     * @throws io.gatehouse.engine.error.ServiceException {@code ResourceNotFoundException} for no such pool
     */
    @Transactional
    public LocalParty of(String userPoolId) {
        long now = clock.millis();
        Cached cached = cache.get(userPoolId);
        if (cached != null && now - cached.loadedAt() < CACHED_FOR.toMillis()) {
            return cached.party();
        }
        List<LocalPartyKeyEntity> keys = stored(userPoolId);
        if (missing(keys, KeyPurpose.SIGNING) || missing(keys, KeyPurpose.ENCRYPTION)) {
            pools.get(userPoolId);
            // The pool's row serialises the first need across nodes: one pair of keys per pool, not one per node.
            pools.lockForUpdate(userPoolId);
            keys = stored(userPoolId);
            for (KeyPurpose purpose : KeyPurpose.values()) {
                if (missing(keys, purpose)) {
                    em.persist(newKey(userPoolId, purpose, now));
                }
            }
            em.flush();
            keys = stored(userPoolId);
        }
        LocalParty party = open(userPoolId, keys);
        cache.put(userPoolId, new Cached(party, now));
        return party;
    }

    /**
     * Puts a new key in use for {@code purpose}; the one before is retired: a retired signing key no longer signs
     * nor is published, a retired encryption key still opens what IdPs encrypted for it until deleted with the pool.
     * IdPs that were given the SP metadata by file must be given it again.
     */
    @Transactional
    public LocalParty rotate(String userPoolId, KeyPurpose purpose) {
        pools.get(userPoolId);
        pools.lockForUpdate(userPoolId);
        long now = clock.millis();
        for (LocalPartyKeyEntity key : stored(userPoolId)) {
            if (key.purpose() == purpose && !key.retired()) {
                key.retire(now);
            }
        }
        em.persist(newKey(userPoolId, purpose, now));
        em.flush();
        cache.remove(userPoolId);
        return of(userPoolId);
    }

    private List<LocalPartyKeyEntity> stored(String userPoolId) {
        return em.createQuery("select k from LocalPartyKeyEntity k where k.userPoolId = :pool"
                        + " order by k.createdAt desc, k.keyId", LocalPartyKeyEntity.class)
                .setParameter("pool", userPoolId).getResultList();
    }

    private static boolean missing(List<LocalPartyKeyEntity> keys, KeyPurpose purpose) {
        return keys.stream().noneMatch(k -> k.purpose() == purpose && !k.retired());
    }

    private LocalPartyKeyEntity newKey(String userPoolId, KeyPurpose purpose, long now) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
        X509Certificate certificate = SelfSignedCertificates.issue(pair, entityId(userPoolId),
                clock.instant().minus(Duration.ofMinutes(5)));
        String keyId = UUID.randomUUID().toString();
        String encodedKey = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        try {
            return new LocalPartyKeyEntity(userPoolId, keyId, purpose,
                    dataKey.sealText(encodedKey, SealedColumn.LOCAL_PARTY_KEY.context(userPoolId, keyId)),
                    Base64.getEncoder().encodeToString(certificate.getEncoded()), now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encode a certificate", e);
        }
    }

    private LocalParty open(String userPoolId, List<LocalPartyKeyEntity> keys) {
        List<KeyCredential> signing = new ArrayList<>();
        List<KeyCredential> encryption = new ArrayList<>();
        // Newest first: the active key leads each list, retired ones follow (decryption only).
        for (LocalPartyKeyEntity key : keys) {
            if (key.purpose() == KeyPurpose.SIGNING && key.retired()) {
                continue;
            }
            KeyCredential credential = new KeyCredential(privateKey(userPoolId, key), certificate(key.certificate()));
            (key.purpose() == KeyPurpose.SIGNING ? signing : encryption).add(credential);
        }
        return new LocalParty(entityId(userPoolId), assertionConsumerUri(), singleLogoutUri(), signing, encryption);
    }

    private PrivateKey privateKey(String userPoolId, LocalPartyKeyEntity key) {
        String encoded = dataKey.openText(key.sealedPrivateKey(),
                SealedColumn.LOCAL_PARTY_KEY.context(userPoolId, key.keyId()));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(encoded)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored SAML key of pool " + userPoolId + " is corrupt", e);
        }
    }

    static X509Certificate certificate(String base64Der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Base64.getDecoder().decode(base64Der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored SAML certificate is corrupt", e);
        }
    }
}
