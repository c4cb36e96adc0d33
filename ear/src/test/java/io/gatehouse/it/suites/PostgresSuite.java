package io.gatehouse.it.suites;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The API, identity-pool, resource-server, federation, trigger, threat-protection, attack and fuzz tests against the
 * server on PostgreSQL, the production database, with the tests that write rows with a second connection (which the
 * embedded database does not take). The hosted UI's browser test, the AWS CLI scenario, the provider install and the
 * metrics run on the embedded suite only: what they store goes through the paths this suite already takes. Runs beside
 * {@link EmbeddedSuite}.
 */
@Suite
@SuiteDisplayName("PostgreSQL")
@SelectPackages({"io.gatehouse.it.cognito", "io.gatehouse.it.identitypool", "io.gatehouse.it.mpjwt",
        "io.gatehouse.it.federation", "io.gatehouse.it.triggers", "io.gatehouse.it.threat", "io.gatehouse.it.attacks",
        "io.gatehouse.it.fuzz"})
@IncludeClassNamePatterns(".*IT")
public class PostgresSuite {

    @BeforeSuite
    static void settings() {
        SuiteSettings.use("postgresql");
    }
}
