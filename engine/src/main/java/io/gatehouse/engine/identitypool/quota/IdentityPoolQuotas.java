package io.gatehouse.engine.identitypool.quota;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.threat.ClientOrigin;
import io.gatehouse.engine.threat.ClientOrigins;
import io.gatehouse.engine.threat.lockout.AddressThrottle;
import io.gatehouse.engine.threat.lockout.LockoutSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/**
 * Rate limits on the identity-pool calls anyone may make unsigned (GetId, GetCredentialsForIdentity, GetOpenIdToken,
 * UnlinkIdentity): per identity pool, so that no pool's callers can flood the server with identities and
 * credentials, and per caller address
 * within a pool (an IPv6 caller by its network, as the brute-force buckets count it; the addresses of
 * {@code gatehouse.lockout.address.exempt} are not limited per caller), so that one caller cannot use up its pool's
 * share. Over a limit: {@code TooManyRequestsException} (429). Limits hold per node.
 *
 * <p>Settings ({@code gatehouse.identity-pools.rate.*}): {@code pool.per-second} 100 and {@code pool.burst} 300;
 * {@code caller.per-second} 10 and {@code caller.burst} 30.
 */
@ApplicationScoped
public class IdentityPoolQuotas {

    @Inject
    ClientOrigins origins;

    @Inject
    LockoutSettings lockout;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.identity-pools.rate.pool.per-second", defaultValue = "100")
    double poolPerSecond;

    @Inject
    @ConfigProperty(name = "gatehouse.identity-pools.rate.pool.burst", defaultValue = "300")
    double poolBurst;

    @Inject
    @ConfigProperty(name = "gatehouse.identity-pools.rate.caller.per-second", defaultValue = "10")
    double callerPerSecond;

    @Inject
    @ConfigProperty(name = "gatehouse.identity-pools.rate.caller.burst", defaultValue = "30")
    double callerBurst;

    private RateBuckets pools;
    private RateBuckets callers;

    @PostConstruct
    void init() {
        pools = new RateBuckets(poolPerSecond, poolBurst, clock);
        callers = new RateBuckets(callerPerSecond, callerBurst, clock);
    }

    /**
     * Admits one unsigned call to {@code identityPoolId}.
     *
     * @throws ServiceException {@code TooManyRequestsException} over either limit
     */
    public void admit(String identityPoolId) {
        ClientOrigin origin = origins.current();
        if (origin.known() && !lockout.exempt(origin.address())
                && callers.take(identityPoolId + " " + AddressThrottle.key(origin.address(), lockout.ipv6Prefix())) > 0) {
            throw tooMany();
        }
        if (pools.take(identityPoolId) > 0) {
            throw tooMany();
        }
    }

    private static ServiceException tooMany() {
        return new ServiceException("TooManyRequestsException", "Rate exceeded");
    }
}
