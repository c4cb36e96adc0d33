package io.gatehouse.engine.federation;

import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.Spi;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.plugin.ProviderRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider types the server's {@code federation} providers offer, by {@code ProviderType}: what
 * CreateIdentityProvider accepts, and what the sign-in flow hands an IdP's work to.
 */
@ApplicationScoped
public class FederationTypes {

    @Inject
    ProviderRegistry registry;

    @Inject
    Clock clock;

    private volatile Map<String, FederationProviderFactory> byType;
    private volatile Map<String, FederationProviderFactory> byLoginName;

    /** Whether a provider offers this type. */
    public boolean exists(String type) {
        return factories().containsKey(type);
    }

    /** The types on this server. */
    public Set<String> types() {
        return Set.copyOf(factories().keySet());
    }

    /**
     * A provider of this type, for one unit of work; the caller closes it.
     *
     * @throws ServiceException {@code InvalidParameterException} naming the type when no provider offers it
     */
    public FederationProvider named(String type) {
        FederationProviderFactory factory = factories().get(type);
        if (factory == null) {
            throw ServiceException.invalidParameter("The provider type " + type + " is not supported by this"
                    + " server; install a federation provider that offers it.");
        }
        return factory.create(ProviderContext.of(Optional.empty(), clock));
    }

    /**
     * A provider of the type that checks the logins identity pools know by {@code loginName}
     * ({@link FederationProvider#identityPoolLoginName()}: {@code accounts.google.com}, {@code graph.facebook.com}...),
     * for one unit of work; the caller closes it. Empty when no installed type claims the name.
     */
    public Optional<FederationProvider> identityPoolLogins(String loginName) {
        factories();
        return Optional.ofNullable(byLoginName.get(loginName))
                .map(factory -> factory.create(ProviderContext.of(Optional.empty(), clock)));
    }

    /**
     * The issuer an unasked message claims, read by the first installed type that reads one (SAML's), before any
     * check: only to find the IdPs that may have sent it, each of which then checks it in full.
     */
    public Optional<String> claimedIssuer(io.gatehouse.api.federation.Callback callback) {
        for (FederationProviderFactory factory : factories().values()) {
            try (FederationProvider provider = factory.create(ProviderContext.of(Optional.empty(), clock))) {
                Optional<String> issuer = provider.claimedIssuer(callback);
                if (issuer.isPresent()) {
                    return issuer;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The factories by the type each makes, and by the identity-pool login name each claims: learnt once, from a
     * provider each makes (the registry is fixed for the application's life; installing a provider restarts it). Two
     * factories of one type or one login name: the higher order wins.
     */
    private Map<String, FederationProviderFactory> factories() {
        Map<String, FederationProviderFactory> known = byType;
        if (known == null) {
            known = new HashMap<>();
            Map<String, FederationProviderFactory> logins = new HashMap<>();
            for (FederationProviderFactory factory
                    : registry.factories(Spi.FEDERATION, FederationProviderFactory.class)) {
                try (FederationProvider made = factory.create(ProviderContext.of(Optional.empty(), clock))) {
                    known.merge(made.providerType(), factory,
                            (kept, other) -> other.order() > kept.order() ? other : kept);
                    made.identityPoolLoginName().ifPresent(name -> logins.merge(name, factory,
                            (kept, other) -> other.order() > kept.order() ? other : kept));
                }
            }
            byLoginName = Map.copyOf(logins);
            byType = known;
        }
        return known;
    }
}
