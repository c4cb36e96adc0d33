package io.gatehouse.engine.threat.breach;

import io.gatehouse.api.password.BreachVerdict;
import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.password.BreachedPasswordCheckFactory;
import io.gatehouse.api.password.PasswordSha1;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.Spi;
import io.gatehouse.engine.plugin.ProviderRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every source of breached passwords the server has: the built-in offline corpus (unless switched off with
 * {@code gatehouse.compromised-credentials.offline-corpus=false}), then each installed {@code breached-password}
 * provider, such as the Have I Been Pwned range API. A password any of them knows is breached; what a source that
 * cannot answer means is {@link CompromisedCredentials}'s to decide (the finding says it was unanswered).
 */
@ApplicationScoped
public class BreachedPasswords {

    /** The built-in corpus's name as a {@link BreachFinding#source()}. */
    public static final String OFFLINE = "offline-corpus";

    private static final Logger LOG = Logger.getLogger(BreachedPasswords.class.getName());

    @Inject
    ProviderRegistry providers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.compromised-credentials.offline-corpus", defaultValue = "true")
    boolean offlineCorpusEnabled;

    private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

    private volatile Optional<OfflineBreachCorpus> corpus = Optional.empty();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

    /**
     * Loads the corpus as the application starts, so no user's request waits for it: delivering the event creates
     * the bean, and {@link #load} runs.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // nothing more to do
    }

    @PostConstruct
    void load() {
        if (!offlineCorpusEnabled) {
            LOG.info("Breached-password corpus: off (gatehouse.compromised-credentials.offline-corpus=false)");
            return;
        }
        long start = System.nanoTime();
        OfflineBreachCorpus loaded = OfflineBreachCorpus.builtIn();
        corpus = Optional.of(loaded);
        LOG.info(() -> "Breached-password corpus: " + loaded.size() + " passwords, " + loaded.bytes() / 1024
                + " KiB, loaded in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** What the sources say about {@code password} (exactly as given). */
    public BreachFinding find(String password) {
        PasswordSha1 digest = PasswordSha1.of(password);
        if (corpus.map(c -> c.contains(digest)).orElse(false)) {
            return new BreachFinding(true, Optional.of(OFFLINE), OptionalLong.empty(), false);
        }
        boolean unanswered = false;
        for (BreachedPasswordCheckFactory factory : providers.factories(Spi.BREACHED_PASSWORD,
                BreachedPasswordCheckFactory.class)) {
            BreachVerdict verdict = ask(factory, digest);
            if (verdict.breached()) {
                return new BreachFinding(true, Optional.of(factory.id()), verdict.occurrences(), false);
            }
            unanswered |= verdict.outcome() == BreachVerdict.Outcome.UNAVAILABLE;
        }
        return unanswered ? BreachFinding.UNANSWERED : BreachFinding.CLEAR;
    }

    private BreachVerdict ask(BreachedPasswordCheckFactory factory, PasswordSha1 digest) {
        try (BreachedPasswordCheck check = factory.create(ProviderContext.of(Optional.empty(), clock))) {
            BreachVerdict verdict = check.check(digest);
            if (verdict.outcome() == BreachVerdict.Outcome.UNAVAILABLE && warningDue()) {
                LOG.warning(() -> "Breached-password provider " + factory.id() + " could not answer ("
                        + verdict.detail() + "); passwords pass that source while it cannot, but where"
                        + " gatehouse.compromised-credentials.when-unavailable=block refuses new ones (logged at most"
                        + " once a minute)");
            }
            return verdict;
        } catch (RuntimeException e) {
            if (warningDue()) {
                LOG.log(Level.WARNING, "Breached-password provider " + factory.id() + " failed; it counts as"
                        + " unable to answer (logged at most once a minute)", e);
            }
            return BreachVerdict.unavailable(e.getClass().getSimpleName());
        }
    }

    /** Whether a minute has passed since the last warning about an unavailable source (and claims this one). */
    private boolean warningDue() {
        long now = System.nanoTime();
        long last = lastWarning.get();
        return now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now);
    }
}
