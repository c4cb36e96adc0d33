package io.gatehouse.engine.uicustomization;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.persistence.PoolClientKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static io.gatehouse.engine.uicustomization.UiCustomization.ALL_CLIENTS;

/**
 * Pools' and app clients' hosted UI (classic) branding. A client's own customization replaces the pool's
 * ({@code ALL}) one whole, as in Cognito: a client with only CSS shows no logo, even if the pool has one.
 *
 * <p>Every method names a pool and, optionally, a client; a null client or {@code ALL} means the pool-wide
 * default. An unknown pool, or a client that is not the pool's, is a {@code ResourceNotFoundException}. A
 * client's row outlives the client (client ids are never reused), but no method reaches it once the client is
 * gone; the pool's rows go with the pool.
 */
@ApplicationScoped
@Transactional
public class UiCustomizations {

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    UserPools pools;

    @Inject
    UserPoolClients clients;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /**
     * SetUICustomization: replaces CSS and logo together (Cognito cannot set one without the other).
     *
     * @param css   the CSS; null or blank for none
     * @param image the logo, a PNG or JPEG of at most 100 KB; null or empty for none
     * @return the customization set; empty when both CSS and logo were left out, which removes the customization
     *         (a client then falls back to the pool's, the pool to the plain hosted UI)
     * @throws ServiceException {@code ResourceNotFoundException} for an unknown pool or client,
     *                          {@code InvalidParameterException} for CSS or a logo {@link CustomCss} or
     *                          {@link LogoType} refuse
     */
    public Optional<UiCustomization> set(String userPoolId, String clientId, String css, byte[] image) {
        String scope = scope(userPoolId, clientId);
        String checkedCss = css == null || css.isBlank() ? null : CustomCss.parse(css).text();
        byte[] logo = image == null || image.length == 0 ? null : image;
        LogoType type = logo == null ? null : LogoType.of(logo);
        // The pool's row lock serialises two first sets of one scope, which would otherwise both insert.
        pools.lockForUpdate(userPoolId);
        UiCustomizationEntity entity = em.find(UiCustomizationEntity.class,
                new PoolClientKey(userPoolId, scope), LockModeType.PESSIMISTIC_WRITE);
        if (checkedCss == null && logo == null) {
            if (entity != null) {
                em.remove(entity);
            }
            return Optional.empty();
        }
        long now = clock.millis();
        if (entity == null) {
            entity = new UiCustomizationEntity(userPoolId, scope, now);
            em.persist(entity);
        }
        entity.replace(checkedCss, logo, type, now);
        return Optional.of(entity.view());
    }

    /** The customization set for exactly this scope (the client's own, or the pool's), without fallback. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UiCustomization> get(String userPoolId, String clientId) {
        return find(userPoolId, scope(userPoolId, clientId));
    }

    /**
     * The customization the hosted UI shows for a client: its own if it has one, else the pool's, else none.
     * GetUICustomization answers with this too.
     *
     * @param clientId an app client of the pool; null or {@code ALL} for the pool's
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UiCustomization> effective(String userPoolId, String clientId) {
        String scope = scope(userPoolId, clientId);
        Optional<UiCustomization> own = find(userPoolId, scope);
        return own.isPresent() || scope.equals(ALL_CLIENTS) ? own : find(userPoolId, ALL_CLIENTS);
    }

    /**
     * The paths of a client's effective CSS and logo ({@link #effective}'s), for the hosted UI's pages. One query
     * that reads neither the CSS nor the logo: every page view asks, and the logo alone may be 133 KB of text.
     *
     * @param clientId an app client of the pool, which the caller has already found
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UiAssets effectiveAssets(String userPoolId, String clientId) {
        List<Object[]> rows = em.createQuery("select c.clientId, c.modifiedAt, c.imageType, length(c.css)"
                        + " from UiCustomizationEntity c where c.userPoolId = :pool"
                        + " and (c.clientId = :client or c.clientId = :all)", Object[].class)
                .setParameter("pool", userPoolId).setParameter("client", clientId)
                .setParameter("all", ALL_CLIENTS).getResultList();
        // The client's own row replaces the pool's entirely, as in effective().
        Object[] row = rows.stream().filter(r -> clientId.equals(r[0])).findFirst()
                .orElseGet(() -> rows.isEmpty() ? null : rows.get(0));
        if (row == null) {
            return UiAssets.NONE;
        }
        String scope = (String) row[0];
        long modifiedAt = ((Number) row[1]).longValue();
        return new UiAssets(
                row[3] == null ? Optional.empty()
                        : Optional.of(UiCustomization.assetPath(userPoolId, scope, "css", modifiedAt)),
                row[2] == null ? Optional.empty()
                        : Optional.of(UiCustomization.assetPath(userPoolId, scope, "logo", modifiedAt)));
    }

    /** Where the logo is served (Cognito's {@code ImageUrl}), under the server's base URL, when there is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> logoUrl(UiCustomization customization) {
        return customization.logoPath().map(path -> config.baseUrl() + path);
    }

    /** The client id the row is kept under, after checking that the pool and the client exist. */
    private String scope(String userPoolId, String clientId) {
        pools.get(userPoolId);
        if (clientId == null || clientId.equals(ALL_CLIENTS)) {
            return ALL_CLIENTS;
        }
        clients.get(userPoolId, clientId);
        return clientId;
    }

    private Optional<UiCustomization> find(String userPoolId, String scope) {
        return Optional.ofNullable(em.find(UiCustomizationEntity.class,
                new PoolClientKey(userPoolId, scope))).map(UiCustomizationEntity::view);
    }
}
