package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory as the engine finds and starts it. */
class OidcFederationProviderFactoryTest {

    @Test
    void discoveryWhenTheJarIsOnTheClassPathThenTheFactoryIsListedUnderOidc() {
        assertTrue(ServiceLoader.load(FederationProviderFactory.class).stream()
                .anyMatch(f -> f.type() == OidcFederationProviderFactory.class));
        assertEquals("oidc", new OidcFederationProviderFactory().id());
    }

    @Test
    void initWhenOptionsAreInRangeThenTaken() throws Exception {
        OidcFederationProviderFactory factory = new OidcFederationProviderFactory();
        factory.init(new ProviderConfig(Map.of("connect-timeout-seconds", "2", "read-timeout-seconds", "3",
                "clock-skew-seconds", "0", "tls-trust", "server")));
        factory.close();
    }

    @Test
    void initWhenAnOptionIsOutOfRangeThenRefusedNamingIt() {
        for (var option : Map.of("connect-timeout-seconds", "0", "read-timeout-seconds", "121",
                "clock-skew-seconds", "-1", "tls-trust", "none").entrySet()) {
            ProviderInitializationException refused = assertThrows(ProviderInitializationException.class,
                    () -> new OidcFederationProviderFactory().init(new ProviderConfig(Map.of(option.getKey(),
                            option.getValue()))));
            assertTrue(refused.getMessage().contains(option.getKey()), refused.getMessage());
        }
    }

    @Test
    void closeWhenNeverInitialisedThenQuiet() {
        new OidcFederationProviderFactory().close();
    }
}
