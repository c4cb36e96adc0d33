package io.gatehouse.engine.threat.breach;

import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.testing.BreachedPasswordCheckContract;

import java.util.List;

/** The built-in corpus keeps the contract of every breached-password source. */
class OfflineBreachCorpusContractTest extends BreachedPasswordCheckContract {

    private static final OfflineBreachCorpus CORPUS = OfflineBreachCorpus.builtIn();

    @Override
    protected BreachedPasswordCheck check() {
        return CORPUS;
    }

    @Override
    protected List<String> breachedPasswords() {
        return List.of("123456", "P@ssw0rd", "dragon", "monkey");
    }
}
