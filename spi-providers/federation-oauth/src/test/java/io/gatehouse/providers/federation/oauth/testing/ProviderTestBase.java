package io.gatehouse.providers.federation.oauth.testing;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.testing.FederationProviderContract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The federation contract with what the types' own cases share: a browser that follows the redirect to the IdP
 * (a type whose IdP posts back overrides {@link #signInUpstream}), the IdP as the engine hands it over, and whole
 * sign-ins.
 */
public abstract class ProviderTestBase extends FederationProviderContract {

    @Override
    protected Map<String, List<String>> signInUpstream(Outgoing outgoing) throws Exception {
        return Browser.signIn(outgoing, CALLBACK);
    }

    /** The IdP as the engine hands it over after CreateIdentityProvider with {@code details}. */
    protected IdentityProviderSettings settings(Map<String, String> details) throws InvalidProviderDetailsException {
        return new IdentityProviderSettings(POOL, provider.providerType(), provider.providerType(),
                provider.configure(details), List.of());
    }

    /** A whole sign-in: begin, the browser at the IdP, and complete with what it brought back. */
    protected UpstreamIdentity signIn(IdentityProviderSettings settings) throws Exception {
        SignInStart start = provider.begin(settings, new SignInRequest(CALLBACK, "s-" + System.nanoTime(),
                Optional.empty()));
        return provider.complete(settings, new Callback(CALLBACK, signInUpstream(start.outgoing())),
                start.pendingState());
    }

    protected UpstreamIdentity signIn(Map<String, String> details) throws Exception {
        return signIn(settings(details));
    }

    /** The engine finds the factory in the jar under its id. */
    protected static void assertDiscovered(Class<? extends FederationProviderFactory> type, String id)
            throws Exception {
        assertTrue(ServiceLoader.load(FederationProviderFactory.class).stream().anyMatch(f -> f.type() == type),
                type + " is not listed in META-INF/services");
        assertEquals(id, type.getConstructor().newInstance().id());
    }
}
