package io.gatehouse.providers.password.hibp;

import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.testing.BreachedPasswordCheckContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The range API provider keeps the contract of every breached-password source, against the stand-in. */
class HibpRangeCheckContractTest extends BreachedPasswordCheckContract {

    private static RangeApiStandIn api;
    private static HibpRangeCheckFactory factory;

    @BeforeAll
    static void start() throws Exception {
        api = new RangeApiStandIn().knows("P@ssw0rd", 52_000).knows("password", 9_500_000).knows("123456", 37_000_000);
        factory = new HibpRangeCheckFactory();
        factory.init(new ProviderConfig(Map.of("base-url", api.baseUrl())));
    }

    @AfterAll
    static void stop() {
        factory.close();
        api.close();
    }

    @Override
    protected BreachedPasswordCheck check() {
        return factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
    }

    @Override
    protected List<String> breachedPasswords() {
        return List.of("P@ssw0rd", "password", "123456");
    }
}
