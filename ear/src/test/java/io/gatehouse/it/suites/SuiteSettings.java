package io.gatehouse.it.suites;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which server a suite tests: its endpoint, database, directory and the ports of its stand-ins, read from
 * {@code it-suites/<suite>.properties} (filtered by the build) into the system properties that {@code Gatehouse}
 * and the tests read. The suite is named by the system property {@code gatehouse.it.suite}: set by failsafe when
 * one class is run on each server in turn (a developer's {@code -Dit.test}), or by {@link EmbeddedSuite} and
 * {@link PostgresSuite}, which run side by side in forks of their own.
 */
public final class SuiteSettings {

    private static final String SUITE = "gatehouse.it.suite";

    private SuiteSettings() {
    }

    /** Names {@code suite} as this JVM's and loads its settings; called before any test class is initialised. */
    public static void use(String suite) {
        System.setProperty(SUITE, suite);
        load(suite);
    }

    /** Loads the settings of the suite named by {@code gatehouse.it.suite}, if one is (the cluster suite names none). */
    public static synchronized void loadNamed() {
        String suite = System.getProperty(SUITE);
        if (suite != null && !suite.isBlank()) {
            load(suite);
        }
    }

    private static void load(String suite) {
        String resource = "/it-suites/" + suite + ".properties";
        Properties settings = new Properties();
        try (InputStream in = SuiteSettings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no settings " + resource + " for the suite " + suite);
            }
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.stringPropertyNames().forEach(name -> System.setProperty(name, settings.getProperty(name)));
    }
}
