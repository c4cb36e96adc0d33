package io.gatehouse.it;

import io.gatehouse.it.suites.SuiteSettings;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The server under test, as the build started it: its endpoint, its admin credential and its directory, from
 * the system properties failsafe sets and the settings of the suite (embedded or PostgreSQL) being run.
 */
public final class Gatehouse {

    static {
        // Before the fields below: a class run on its own (-Dit.test) names its suite, whose settings are loaded here.
        SuiteSettings.loadNamed();
    }

    public static final URI ENDPOINT = URI.create(property("gatehouse.it.endpoint"));
    public static final String ADMIN_KEY = property("gatehouse.it.admin.key");
    public static final String ADMIN_SECRET = property("gatehouse.it.admin.secret");
    public static final Region REGION = Region.US_EAST_1;
    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private Gatehouse() {
    }

    /** An AWS SDK client signing with the admin credential. */
    public static CognitoIdentityProviderClient adminClient() {
        return client(ADMIN_KEY, ADMIN_SECRET);
    }

    /** An AWS SDK client signing with the given credential. */
    public static CognitoIdentityProviderClient client(String accessKeyId, String secret) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(ENDPOINT)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                // Retries would hide the first answer, which is what these tests check.
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    /** An AWS SDK client of the identity-pool API (Cognito Identity) signing with the admin credential. */
    public static CognitoIdentityClient identityAdminClient() {
        return identityClient(StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET)));
    }

    /** An unsigned AWS SDK client of the identity-pool API, as apps call GetId and GetCredentialsForIdentity. */
    public static CognitoIdentityClient anonymousIdentityClient() {
        return identityClient(AnonymousCredentialsProvider.create());
    }

    private static CognitoIdentityClient identityClient(AwsCredentialsProvider credentials) {
        return CognitoIdentityClient.builder()
                .endpointOverride(ENDPOINT)
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    /** AWS's STS client pointed at this server, signing with {@code credentials} (anonymous: unsigned). */
    public static StsClient stsClient(AwsCredentialsProvider credentials) {
        return StsClient.builder()
                .endpointOverride(ENDPOINT)
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    /** AWS's STS client pointed at this server, signing with temporary credentials. */
    public static StsClient stsClient(String accessKeyId, String secretKey, String sessionToken) {
        return stsClient(StaticCredentialsProvider.create(AwsSessionCredentials.create(accessKeyId, secretKey,
                sessionToken)));
    }

    /** The Liberty server directory (holds server.xml, providers/, configDropins/). */
    public static Path serverDir() {
        return Paths.get(property("gatehouse.it.server.dir"));
    }

    /** The provider install script. */
    public static Path installScript() {
        return Paths.get(property("gatehouse.it.install.script"));
    }

    /**
     * Whether this suite's server runs on PostgreSQL, whose rows a test may read and write with a second connection.
     */
    public static boolean onPostgres() {
        return "postgresql".equals(property("gatehouse.it.database"));
    }

    /**
     * A connection of the test's own to the PostgreSQL suite's database (the embedded database takes no second
     * connection while the server holds it): to read what a copy of the database shows, or to leave rows as only a
     * dead node or the passing of months could.
     */
    public static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(property("gatehouse.it.jdbc.url"),
                property("gatehouse.it.jdbc.user"), "");
    }

    public static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests with `mvn verify`");
        }
        return value;
    }
}
