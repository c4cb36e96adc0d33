package io.gatehouse.it.suites;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.ExcludePackages;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every integration test against the server on the embedded database, but the resource-server tests (they need
 * the database open to a second reader, which H2's embedded mode is not) and the cluster suite (a run of its own).
 * Failsafe runs it in one fork while {@link PostgresSuite} runs in another: each test is a chain of calls, one at a
 * time, so one suite keeps about one of the machine's two cores busy.
 */
@Suite
@SuiteDisplayName("embedded")
@SelectPackages("io.gatehouse.it")
@ExcludePackages({"io.gatehouse.it.mpjwt", "io.gatehouse.it.cluster"})
@IncludeClassNamePatterns(".*IT")
public class EmbeddedSuite {

    @BeforeSuite
    static void settings() {
        SuiteSettings.use("embedded");
    }
}
