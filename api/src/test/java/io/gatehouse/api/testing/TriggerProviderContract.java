package io.gatehouse.api.testing;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.trigger.ChallengeResult;
import io.gatehouse.api.trigger.CreateAuthChallengeEvent;
import io.gatehouse.api.trigger.CreateAuthChallengeResponse;
import io.gatehouse.api.trigger.CustomMessageEvent;
import io.gatehouse.api.trigger.CustomSenderEvent;
import io.gatehouse.api.trigger.DefineAuthChallengeEvent;
import io.gatehouse.api.trigger.GroupConfiguration;
import io.gatehouse.api.trigger.PostAuthenticationEvent;
import io.gatehouse.api.trigger.PostConfirmationEvent;
import io.gatehouse.api.trigger.PreAuthenticationEvent;
import io.gatehouse.api.trigger.PreSignUpEvent;
import io.gatehouse.api.trigger.PreTokenGenerationEvent;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerException;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.TriggerProvider;
import io.gatehouse.api.trigger.TriggerProviderFactory;
import io.gatehouse.api.trigger.UserMigrationEvent;
import io.gatehouse.api.trigger.VerifyAuthChallengeResponseEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every trigger provider keeps (see {@link io.gatehouse.api.trigger}). A provider's test extends it and
 * supplies a new factory; it may give events of its own for the triggers it implements ({@link #event}: an ordinary
 * event it answers) and events it refuses ({@link #refusedEvent}).
 *
 * <p>What the contract asks of every provider: an id that a pool's {@code java:<id>} can name, the same from every
 * factory; the factory's lifecycle (init once, create many times on many threads at once, close without throwing);
 * at least one trigger declared, and each declared trigger implemented: its method overridden, and an answer (never
 * null) to an ordinary event; a refusal as {@link TriggerException} whose message is for the app's user (not blank,
 * no password, code or answer of the event in it); and no event or answer that shows a secret in {@code toString()}.
 * Events here are built exactly as the engine builds them from Cognito's event JSON.
 */
public abstract class TriggerProviderContract {

    /** The pool of every event here. */
    protected static final String POOL = "us-east-1_Contract1";
    /** The app client of every event here. */
    protected static final String CLIENT_ID = "contract1client2id3abc4def5";
    /** A password, a code and a challenge's answer that no toString() and no refusal may show. */
    protected static final String PASSWORD = "Contract-Secret-Password-1";
    protected static final String CODE = "AYADeEJ7c29tZS1lbmNyeXB0ZWQtY29kZQ==";
    protected static final String ANSWER = "contract-secret-answer-4711";

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    protected final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private TriggerProviderFactory factory;
    protected TriggerProvider provider;

    /** A new, uninitialised factory of the provider under test. */
    protected abstract TriggerProviderFactory newFactory();

    /** The server-level options the factory is initialised with ({@code gatehouse.spi.trigger.<id>.*}); none by default. */
    protected ProviderConfig config() {
        return ProviderConfig.empty();
    }

    /** The attributes of the user of the default events. */
    protected Map<String, String> userAttributes() {
        return Map.of("sub", "11111111-1111-4111-8111-111111111111", "email", "alice@example.com",
                "email_verified", "true");
    }

    /** The envelope of a default event. */
    protected TriggerContext context(String triggerSource, String version) {
        return new TriggerContext(version, triggerSource, "us-east-1", POOL, "alice",
                new TriggerContext.CallerContext("aws-sdk-java-2.59.1", CLIENT_ID));
    }

    /**
     * An ordinary event of the trigger, which the provider answers (it does not refuse it). The defaults are
     * Cognito's usual sources with {@link #userAttributes()}; override for the events your provider expects.
     */
    protected Object event(TriggerKind kind) {
        Map<String, String> attributes = userAttributes();
        Map<String, String> metadata = Map.of("campaign", "contract");
        List<ChallengeResult> session = List.of(new ChallengeResult("SRP_A", true, Optional.empty()));
        return switch (kind) {
            case PRE_SIGN_UP -> new PreSignUpEvent(context("PreSignUp_SignUp", "1"), attributes,
                    Map.of("invite", "contract"), metadata);
            case POST_CONFIRMATION -> new PostConfirmationEvent(context("PostConfirmation_ConfirmSignUp", "1"),
                    attributes, metadata);
            case PRE_AUTHENTICATION -> new PreAuthenticationEvent(context("PreAuthentication_Authentication", "1"),
                    attributes, Map.of(), metadata, false);
            case POST_AUTHENTICATION -> new PostAuthenticationEvent(
                    context("PostAuthentication_Authentication", "1"), attributes, metadata, false);
            case CUSTOM_MESSAGE -> new CustomMessageEvent(context("CustomMessage_SignUp", "1"), attributes,
                    "{####}", Optional.empty(), metadata);
            case PRE_TOKEN_GENERATION -> new PreTokenGenerationEvent(
                    context("TokenGeneration_Authentication", "2"), attributes,
                    new GroupConfiguration(List.of("staff"), List.of(), Optional.empty()),
                    List.of("openid", "email", "aws.cognito.signin.user.admin"), metadata);
            case USER_MIGRATION -> new UserMigrationEvent(context("UserMigration_Authentication", "1"),
                    Optional.of(PASSWORD), Map.of(), metadata);
            case DEFINE_AUTH_CHALLENGE -> new DefineAuthChallengeEvent(context("DefineAuthChallenge_Authentication",
                    "1"), attributes, session, metadata, false);
            case CREATE_AUTH_CHALLENGE -> new CreateAuthChallengeEvent(context("CreateAuthChallenge_Authentication",
                    "1"), attributes, "CUSTOM_CHALLENGE", session, metadata, false);
            case VERIFY_AUTH_CHALLENGE_RESPONSE -> new VerifyAuthChallengeResponseEvent(
                    context("VerifyAuthChallengeResponse_Authentication", "1"), attributes,
                    Map.of("answer", ANSWER), ANSWER, metadata, false);
            case CUSTOM_SMS_SENDER -> new CustomSenderEvent(context("CustomSMSSender_SignUp", "1"), attributes,
                    "customSMSSenderRequestV1", Optional.of(CODE), metadata);
            case CUSTOM_EMAIL_SENDER -> new CustomSenderEvent(context("CustomEmailSender_SignUp", "1"), attributes,
                    "customEmailSenderRequestV1", Optional.of(CODE), metadata);
        };
    }

    /** An event of the trigger that the provider refuses with {@link TriggerException}, if it refuses any. */
    protected Optional<Object> refusedEvent(TriggerKind kind) {
        return Optional.empty();
    }

    /** Calls the provider's method for the trigger, as the engine's Java runtime does; null for the void ones. */
    protected static Object call(TriggerProvider provider, TriggerKind kind, Object event) throws TriggerException {
        switch (kind) {
            case PRE_SIGN_UP:
                return provider.preSignUp((PreSignUpEvent) event);
            case POST_CONFIRMATION:
                provider.postConfirmation((PostConfirmationEvent) event);
                return null;
            case PRE_AUTHENTICATION:
                provider.preAuthentication((PreAuthenticationEvent) event);
                return null;
            case POST_AUTHENTICATION:
                provider.postAuthentication((PostAuthenticationEvent) event);
                return null;
            case CUSTOM_MESSAGE:
                return provider.customMessage((CustomMessageEvent) event);
            case PRE_TOKEN_GENERATION:
                return provider.preTokenGeneration((PreTokenGenerationEvent) event);
            case USER_MIGRATION:
                return provider.userMigration((UserMigrationEvent) event);
            case DEFINE_AUTH_CHALLENGE:
                return provider.defineAuthChallenge((DefineAuthChallengeEvent) event);
            case CREATE_AUTH_CHALLENGE:
                return provider.createAuthChallenge((CreateAuthChallengeEvent) event);
            case VERIFY_AUTH_CHALLENGE_RESPONSE:
                return provider.verifyAuthChallengeResponse((VerifyAuthChallengeResponseEvent) event);
            case CUSTOM_SMS_SENDER:
                provider.customSmsSender((CustomSenderEvent) event);
                return null;
            case CUSTOM_EMAIL_SENDER:
                provider.customEmailSender((CustomSenderEvent) event);
                return null;
            default:
                throw new IllegalArgumentException(kind.name());
        }
    }

    /** The provider's method for the trigger, and the type of its event. */
    private static String methodName(TriggerKind kind) {
        String key = kind.configKey();
        return switch (kind) {
            case CUSTOM_SMS_SENDER -> "customSmsSender";
            case CUSTOM_EMAIL_SENDER -> "customEmailSender";
            default -> Character.toLowerCase(key.charAt(0)) + key.substring(1);
        };
    }

    private static boolean returnsAnAnswer(TriggerKind kind) {
        return !EnumSet.of(TriggerKind.POST_CONFIRMATION, TriggerKind.PRE_AUTHENTICATION,
                TriggerKind.POST_AUTHENTICATION, TriggerKind.CUSTOM_SMS_SENDER, TriggerKind.CUSTOM_EMAIL_SENDER)
                .contains(kind);
    }

    @BeforeEach
    void createProvider() throws Exception {
        factory = newFactory();
        factory.init(config());
        provider = factory.create(ProviderContext.of(Optional.of(POOL), clock));
    }

    @AfterEach
    void closeProvider() {
        provider.close();
        factory.close();
    }

    @Test
    void idWhenAskedThenWhatJavaColonIdCanNameAndTheSameFromEveryFactory() {
        String id = factory.id();

        assertTrue(PROVIDER_ID.matcher(id).matches(), "java:" + id + " is not lower-case words joined by hyphens");
        assertEquals(id, newFactory().id());
    }

    @Test
    void triggersWhenAskedThenAtLeastOneAndTheSameFromEveryProvider() {
        Set<TriggerKind> declared = provider.triggers();

        assertNotNull(declared);
        assertFalse(declared.isEmpty(), "a trigger provider implements at least one trigger");
        try (TriggerProvider another = factory.create(ProviderContext.of(Optional.of("eu-west-1_Other2"), clock))) {
            assertEquals(declared, another.triggers());
        }
    }

    @Test
    void declaredTriggerWhenLookedAtThenItsMethodIsTheProvidersOwn() throws Exception {
        for (TriggerKind kind : provider.triggers()) {
            Class<?> eventType = event(kind).getClass();
            Class<?> declaring = provider.getClass().getMethod(methodName(kind), eventType).getDeclaringClass();
            assertNotEquals(TriggerProvider.class, declaring, kind.configKey() + " is declared, not implemented");
        }
    }

    @Test
    void declaredTriggerWhenAnOrdinaryEventThenAnAnswer() throws Exception {
        for (TriggerKind kind : provider.triggers()) {
            Object answer;
            try {
                answer = call(provider, kind, event(kind));
            } catch (UnsupportedOperationException e) {
                throw new AssertionError(kind.configKey() + " is declared, not implemented", e);
            } catch (TriggerException e) {
                throw new AssertionError(kind.configKey() + " refused an ordinary event (override event(kind) "
                        + "with one it answers): " + e.getMessage(), e);
            }
            if (returnsAnAnswer(kind)) {
                assertNotNull(answer, kind.configKey() + " answered null");
            }
        }
    }

    @Test
    void refusalWhenTheProviderRefusesThenATriggerExceptionWithAMessageForTheUser() {
        boolean any = false;
        for (TriggerKind kind : provider.triggers()) {
            Optional<Object> refused = refusedEvent(kind);
            if (refused.isEmpty()) {
                continue;
            }
            any = true;
            TriggerException e = assertThrows(TriggerException.class, () -> call(provider, kind, refused.get()),
                    kind.configKey());
            assertNotNull(e.getMessage(), kind.configKey());
            assertFalse(e.getMessage().isBlank(), kind.configKey() + " refused without a message");
            for (String secret : List.of(PASSWORD, CODE, ANSWER)) {
                assertFalse(e.getMessage().contains(secret), kind.configKey() + "'s refusal shows a secret");
            }
        }
        Assumptions.assumeTrue(any, "the provider names no event it refuses");
    }

    @Test
    void createWhenManyThreadsAtOnceThenEachProviderAnswers() throws Exception {
        TriggerKind kind = provider.triggers().iterator().next();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> {
                    try (TriggerProvider each = factory.create(ProviderContext.of(Optional.of(POOL), clock))) {
                        return Optional.ofNullable(call(each, kind, event(kind)));
                    }
                });
            }
            for (Future<Object> answer : threads.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                assertEquals(returnsAnAnswer(kind), ((Optional<?>) answer.get()).isPresent(), kind.configKey());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void closeWhenProvidersAndTheFactoryCloseThenNothingThrowsAndANewFactoryWorks() throws Exception {
        TriggerProvider first = factory.create(ProviderContext.of(Optional.empty(), clock));
        first.close();
        first.close();

        TriggerProviderFactory again = newFactory();
        again.init(config());
        try (TriggerProvider fresh = again.create(ProviderContext.of(Optional.of(POOL), clock))) {
            TriggerKind kind = fresh.triggers().iterator().next();
            call(fresh, kind, event(kind));
        } finally {
            again.close();
        }
    }

    @Test
    void eventsAndAnswersWhenPrintedThenNoPasswordCodeOrAnswer() throws Exception {
        List<Object> values = new ArrayList<>();
        for (TriggerKind kind : TriggerKind.values()) {
            values.add(event(kind));
        }
        values.add(new CreateAuthChallengeResponse(Map.of("question", "2+2?"), Map.of("answer", ANSWER),
                Optional.empty()));
        if (provider.triggers().contains(TriggerKind.CREATE_AUTH_CHALLENGE)) {
            values.add(call(provider, TriggerKind.CREATE_AUTH_CHALLENGE, event(TriggerKind.CREATE_AUTH_CHALLENGE)));
        }
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            String printed = value.toString();
            for (String secret : List.of(PASSWORD, CODE, ANSWER)) {
                if (printed.contains(secret)) {
                    fail(value.getClass().getSimpleName() + ".toString() shows a secret: " + printed);
                }
            }
        }
    }
}
