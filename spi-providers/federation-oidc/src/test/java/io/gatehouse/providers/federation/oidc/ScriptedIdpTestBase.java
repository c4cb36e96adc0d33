package io.gatehouse.providers.federation.oidc;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.providers.federation.oauth.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A fresh {@link ScriptedIdp} and {@code oidc} provider for each test, and the steps of a sign-in through them. */
abstract class ScriptedIdpTestBase {

    static final URI CALLBACK = URI.create("https://auth.example.test/oauth2/idpresponse");

    protected ScriptedIdp idp;
    private OidcFederationProviderFactory factory;
    protected FederationProvider provider;

    @BeforeEach
    void startIdpAndProvider() throws Exception {
        idp = new ScriptedIdp();
        provider = newProvider(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        provider.close();
        factory.close();
        idp.close();
    }

    /** A provider of a new factory that reads the time from {@code clock}; closed after the test. */
    protected FederationProvider newProvider(Clock clock) throws Exception {
        if (factory != null) {
            factory.close();
        }
        factory = new OidcFederationProviderFactory();
        factory.init(ProviderConfig.empty());
        return factory.create(ProviderContext.of(Optional.of("us-east-1_Scripted"), clock));
    }

    /** The IdP as the engine hands it over after CreateIdentityProvider with {@code details}. */
    protected IdentityProviderSettings settings(Map<String, String> details) throws InvalidProviderDetailsException {
        return new IdentityProviderSettings("us-east-1_Scripted", "Scripted", "OIDC", provider.configure(details),
                List.of());
    }

    protected IdentityProviderSettings settings() throws InvalidProviderDetailsException {
        return settings(idp.details());
    }

    protected SignInStart begin(IdentityProviderSettings settings) throws FederationException {
        return provider.begin(settings, new SignInRequest(CALLBACK, UUID.randomUUID().toString(), Optional.empty()));
    }

    /** A whole sign-in: begin, the browser at the IdP, and complete with what it brought back. */
    protected UpstreamIdentity signIn(IdentityProviderSettings settings) throws Exception {
        SignInStart start = begin(settings);
        return provider.complete(settings, new Callback(CALLBACK, Browser.signIn(start.outgoing(), CALLBACK)),
                start.pendingState());
    }

    protected UpstreamIdentity signIn() throws Exception {
        return signIn(settings());
    }

    /** A sign-in that must be refused, for {@code reason}; the refusal, to read its message. */
    protected FederationException refused(FederationException.Reason reason) throws Exception {
        IdentityProviderSettings settings = settings();
        SignInStart start = begin(settings);
        Callback callback = new Callback(CALLBACK, Browser.signIn(start.outgoing(), CALLBACK));
        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(settings, callback, start.pendingState()));
        assertEquals(reason, refused.reason(), refused.getMessage());
        return refused;
    }
}
