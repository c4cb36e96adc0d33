package io.gatehouse.api.testing;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.federation.IdentityProviderSettings;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.api.federation.SignInRequest;
import io.gatehouse.api.federation.SignInStart;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every federation provider type keeps (see {@link io.gatehouse.api.federation}). A provider's test
 * extends it, supplies a new factory, details that work against an IdP the test runs (a real one, or a stand-in that
 * speaks the IdP's real protocol), and a user who signs in there: {@link #signInUpstream} follows what
 * {@link FederationProvider#begin} returned as a browser would and returns the callback the IdP sent back.
 *
 * <p>What the contract asks of every type: it names its type and keys; it refuses details that lack a required key
 * or name an unknown one; an identity-pool login name, where the type has one, is a provider name as Cognito spells
 * them; each sign-in carries the engine's state and a pending state of its own; a callback
 * completes the sign-in it belongs to and no other; an IdP's error and a callback without its answer are
 * {@link FederationException}s with the right reason; and no value shows a secret in {@code toString()}.
 */
public abstract class FederationProviderContract {

    /** The pool of every IdP here. */
    protected static final String POOL = "us-east-1_Contract1";

    /** Where the IdPs send the browser back, as the engine would give it. */
    protected static final URI CALLBACK = URI.create("https://auth.example.test/oauth2/idpresponse");

    private FederationProviderFactory factory;
    protected FederationProvider provider;

    /** A new factory of the type under test, not yet initialised. */
    protected abstract FederationProviderFactory newFactory();

    /** The server-level options the factory is initialised with; none by default. */
    protected ProviderConfig config() {
        return ProviderConfig.empty();
    }

    /** {@code ProviderDetails} that work against the test's IdP, as an administrator would give them. */
    protected abstract Map<String, String> workingDetails();

    /**
     * Signs the test's user in at the IdP as a browser would, starting from {@code outgoing}, and returns the
     * parameters the IdP sent back to {@link #CALLBACK}.
     */
    protected abstract Map<String, List<String>> signInUpstream(Outgoing outgoing) throws Exception;

    /** The upstream subject of the test's user. */
    protected abstract String expectedSubject();

    @BeforeEach
    void createProvider() throws Exception {
        factory = newFactory();
        factory.init(config());
        provider = factory.create(ProviderContext.of(Optional.of(POOL), Clock.systemUTC()));
    }

    @AfterEach
    void closeProvider() {
        provider.close();
        factory.close();
    }

    /** The IdP as the engine would hand it over after CreateIdentityProvider. */
    protected IdentityProviderSettings idp() throws InvalidProviderDetailsException {
        return new IdentityProviderSettings(POOL, "Contract", provider.providerType(),
                provider.configure(workingDetails()), List.of());
    }

    private SignInStart begin(String state) throws Exception {
        return provider.begin(idp(), new SignInRequest(CALLBACK, state, Optional.empty()));
    }

    private Callback callback(Map<String, List<String>> parameters) {
        return new Callback(CALLBACK, parameters);
    }

    /**
     * Asserts that the type's keys identify the IdP the way its protocol does. The default is OAuth's: a
     * {@code client_id}, required and no secret. A type of another protocol (SAML identifies its IdP by metadata)
     * overrides this with its own assertion.
     */
    protected void assertKeysIdentifyTheIdp(List<DetailKey> keys) {
        assertTrue(keys.stream().anyMatch(k -> k.name().equals("client_id") && k.required()),
                "client_id is required");
        assertTrue(keys.stream().filter(DetailKey::secret).noneMatch(k -> k.name().equals("client_id")),
                "client_id is no secret");
    }

    /**
     * The parameters the IdP sends back when the user refuses the sign-in that {@code start} began. The default is
     * OAuth's ({@code error=access_denied}); a type of another protocol overrides it with its own refusal (SAML: a
     * Response with a RequestDenied status).
     */
    protected Map<String, List<String>> accessDeniedCallback(SignInStart start) throws Exception {
        return Map.of("error", List.of("access_denied"), "state", List.of("s"));
    }

    @Test
    void typeWhenAskedThenANameInCognitosStyleAndKeysThatIdentifyTheIdp() {
        assertTrue(Pattern.matches("[A-Z][A-Za-z0-9]{1,31}", provider.providerType()), provider.providerType());
        assertKeysIdentifyTheIdp(provider.detailKeys());
        assertTrue(provider.fixedAttributeMapping().containsKey("username"));
    }

    /**
     * A type that checks identity-pool logins names them as identity pools spell a provider: a host name, with a
     * path at most ({@code accounts.google.com}), and never one of Cognito's own ({@code cognito-identity.amazonaws.com},
     * a user pool's {@code cognito-idp.…}), which the engine resolves before any type.
     */
    @Test
    void identityPoolLoginNameWhenTheTypeHasOneThenAProviderNameNotCognitos() {
        provider.identityPoolLoginName().ifPresent(name -> {
            assertTrue(Pattern.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?(/[\\w.-]+)*", name), name);
            assertFalse(name.equals("cognito-identity.amazonaws.com") || name.startsWith("cognito-idp."), name);
        });
    }

    @Test
    void configureWhenWorkingDetailsThenKeepsEveryGivenKeyAndNamesNoOther() throws Exception {
        Map<String, String> stored = provider.configure(workingDetails());

        workingDetails().forEach((key, value) -> assertEquals(value, stored.get(key), key));
        List<String> known = provider.detailKeys().stream().map(DetailKey::name).toList();
        assertTrue(known.containsAll(stored.keySet()), "stored keys " + stored.keySet() + " outside " + known);
    }

    @Test
    void configureWhenARequiredKeyIsMissingThenRefusedNamingIt() {
        for (DetailKey key : provider.detailKeys()) {
            if (key.required() && workingDetails().containsKey(key.name())) {
                Map<String, String> without = new HashMap<>(workingDetails());
                without.remove(key.name());
                InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                        () -> provider.configure(without), key.name());
                assertTrue(refused.getMessage().contains(key.name()), refused.getMessage());
            }
        }
    }

    @Test
    void configureWhenAnUnknownKeyThenRefused() {
        Map<String, String> odd = new HashMap<>(workingDetails());
        odd.put("no_such_key", "x");

        assertThrows(InvalidProviderDetailsException.class, () -> provider.configure(odd));
    }

    @Test
    void configureWhenRefusedThenTheMessageShowsNoSecret() {
        Map<String, String> odd = new HashMap<>(workingDetails());
        odd.put("no_such_key", "x");
        InvalidProviderDetailsException refused = assertThrows(InvalidProviderDetailsException.class,
                () -> provider.configure(odd));

        for (DetailKey key : provider.detailKeys()) {
            String value = workingDetails().get(key.name());
            if (key.secret() && value != null) {
                assertFalse(refused.getMessage().contains(value), "the message shows " + key.name());
            }
        }
    }

    @Test
    void beginWhenTwoSignInsThenEachCarriesItsStateAndPendingStatesDiffer() throws Exception {
        String firstState = UUID.randomUUID().toString();
        String secondState = UUID.randomUUID().toString();

        SignInStart first = begin(firstState);
        SignInStart second = begin(secondState);

        assertTrue(carries(first.outgoing(), firstState), "the first sign-in does not carry its state");
        assertTrue(carries(second.outgoing(), secondState), "the second sign-in does not carry its state");
        assertNotEquals(first.pendingState(), second.pendingState());
        assertFalse(first.toString().contains(first.pendingState()));
    }

    @Test
    void completeWhenTheUserSignedInUpstreamThenTheirIdentity() throws Exception {
        SignInStart start = begin("state-" + UUID.randomUUID());

        UpstreamIdentity identity = provider.complete(idp(), callback(signInUpstream(start.outgoing())),
                start.pendingState());

        assertEquals(expectedSubject(), identity.subject());
        assertFalse(identity.toString().contains(identity.signOutHint().orElse("\u0000")));
    }

    @Test
    void completeWhenTheCallbackBelongsToAnotherSignInThenRefused() throws Exception {
        SignInStart mine = begin("state-" + UUID.randomUUID());
        SignInStart theirs = begin("state-" + UUID.randomUUID());
        Map<String, List<String>> theirCallback = signInUpstream(theirs.outgoing());

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(idp(), callback(theirCallback), mine.pendingState()));
        assertEquals(FederationException.Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void completeWhenTheIdpSaysAccessDeniedThenAccessDenied() throws Exception {
        SignInStart start = begin("state-" + UUID.randomUUID());

        Map<String, List<String>> refusal = accessDeniedCallback(start);

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(idp(), callback(refusal), start.pendingState()));
        assertEquals(FederationException.Reason.ACCESS_DENIED, refused.reason());
    }

    @Test
    void completeWhenTheCallbackHoldsNoAnswerThenInvalidResponse() throws Exception {
        SignInStart start = begin("state-" + UUID.randomUUID());

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(idp(), callback(Map.of()), start.pendingState()));
        assertEquals(FederationException.Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void completeWhenThePendingStateIsNotOneBeginMadeThenInvalidResponse() throws Exception {
        SignInStart start = begin("state-" + UUID.randomUUID());
        Map<String, List<String>> parameters = signInUpstream(start.outgoing());

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(idp(), callback(parameters), "{not a pending state"));
        assertEquals(FederationException.Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void completeWhenTheCallbackRepeatsAParameterThenInvalidResponse() throws Exception {
        SignInStart start = begin("state-" + UUID.randomUUID());
        Map<String, List<String>> parameters = new HashMap<>(signInUpstream(start.outgoing()));
        parameters.replaceAll((name, values) -> List.of(values.get(0), values.get(0)));

        FederationException refused = assertThrows(FederationException.class,
                () -> provider.complete(idp(), callback(parameters), start.pendingState()));
        assertEquals(FederationException.Reason.INVALID_RESPONSE, refused.reason());
    }

    @Test
    void settingsWhenPrintedThenShowNoDetail() throws Exception {
        IdentityProviderSettings idp = idp();

        for (String value : idp.details().values()) {
            if (value.length() > 3) {
                assertFalse(idp.toString().contains(value), "toString shows a detail");
            }
        }
    }

    /** Whether what is sent to the IdP carries {@code state}: in the redirect's query, or among the form's fields. */
    private static boolean carries(Outgoing outgoing, String state) {
        if (outgoing instanceof Outgoing.Redirect redirect) {
            return String.valueOf(redirect.location().getRawQuery()).contains(state);
        }
        return ((Outgoing.FormPost) outgoing).fields().containsValue(state);
    }
}
