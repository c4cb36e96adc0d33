package com.example.gatehouse.trigger;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.api.trigger.TriggerProviderFactory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The example trigger provider, {@code java:email-domain}: sign-up only from one e-mail domain, and a claim in every
 * token. Its options, as server configuration (a server.xml variable, a system property or an environment variable):
 * <ul>
 *   <li>{@code gatehouse.spi.trigger.email-domain.domain}: the domain sign-ups must come from (default
 *       {@code example.com});</li>
 *   <li>{@code gatehouse.spi.trigger.email-domain.claim}: the claim added to every ID and access token (default
 *       {@code org}), whose value is the domain.</li>
 * </ul>
 * The factory lives as long as the application and is shared by every request; the providers it creates are cheap.
 */
public final class DomainTriggerFactory implements TriggerProviderFactory {

    /** The id a pool's LambdaConfig names: {@code java:email-domain}. */
    public static final String ID = "email-domain";

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern CLAIM = Pattern.compile("[A-Za-z][A-Za-z0-9_:.-]{0,63}");

    private volatile String domain;
    private volatile String claim;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        String domain = config.get("domain", "example.com").trim().toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new ProviderInitializationException("gatehouse.spi.trigger.email-domain.domain is not a domain name: "
                    + domain);
        }
        String claim = config.get("claim", "org").trim();
        if (!CLAIM.matcher(claim).matches()) {
            throw new ProviderInitializationException("gatehouse.spi.trigger.email-domain.claim is not a claim name: "
                    + claim);
        }
        this.domain = domain;
        this.claim = claim;
    }

    @Override
    public TriggerProvider create(ProviderContext context) {
        return new DomainTrigger(domain, claim);
    }
}
