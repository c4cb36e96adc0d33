package io.gatehouse.engine.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server-level settings from MicroProfile Config. Every key is also an environment variable: upper-case it and
 * turn dots and hyphens into underscores ({@code gatehouse.base-url} is {@code GATEHOUSE_BASE_URL}).
 */
@ApplicationScoped
public class GatehouseConfig {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final String region;
    private final String accountId;
    private final String baseUrl;
    private final Optional<String> adminAccessKeyId;
    private final Optional<String> adminSecretAccessKey;
    private final Optional<String> domainSuffix;

    @Inject
    public GatehouseConfig(
            @ConfigProperty(name = "gatehouse.region", defaultValue = "us-east-1") String region,
            @ConfigProperty(name = "gatehouse.account-id", defaultValue = "000000000000") String accountId,
            @ConfigProperty(name = "gatehouse.base-url") Optional<String> baseUrl,
            @ConfigProperty(name = "gatehouse.http.port", defaultValue = "9080") int httpPort,
            @ConfigProperty(name = "gatehouse.admin.access-key-id") Optional<String> adminAccessKeyId,
            @ConfigProperty(name = "gatehouse.admin.secret-access-key") Optional<String> adminSecretAccessKey,
            @ConfigProperty(name = "gatehouse.domain-suffix") Optional<String> domainSuffix) {
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("gatehouse.region must look like us-east-1, not '" + region + "'");
        }
        if (!ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("gatehouse.account-id must be twelve digits");
        }
        if (adminAccessKeyId.isPresent() != adminSecretAccessKey.isPresent()) {
            throw new IllegalArgumentException("set both GATEHOUSE_ADMIN_ACCESS_KEY_ID and "
                    + "GATEHOUSE_ADMIN_SECRET_ACCESS_KEY, or neither");
        }
        this.region = region;
        this.accountId = accountId;
        this.baseUrl = stripTrailingSlash(baseUrl.orElse("http://localhost:" + httpPort));
        this.adminAccessKeyId = adminAccessKeyId.map(String::trim);
        this.adminSecretAccessKey = adminSecretAccessKey;
        this.domainSuffix = domainSuffix.map(String::trim).filter(d -> !d.isEmpty());
    }

    /** For CDI's proxy; never called by the application. */
    protected GatehouseConfig() {
        this.region = null;
        this.accountId = null;
        this.baseUrl = null;
        this.adminAccessKeyId = Optional.empty();
        this.adminSecretAccessKey = Optional.empty();
        this.domainSuffix = Optional.empty();
    }

    /** The AWS region this server answers as: the prefix of pool ids and the SigV4 signing region. */
    public String region() {
        return region;
    }

    /** The account id in ARNs. */
    public String accountId() {
        return accountId;
    }

    /** The public base URL, without a trailing slash, for issuers and links. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The operator-configured admin access key id, when set. */
    public Optional<String> adminAccessKeyId() {
        return adminAccessKeyId;
    }

    /** The operator-configured admin secret, when set. */
    public Optional<String> adminSecretAccessKey() {
        return adminSecretAccessKey;
    }

    /** The parent domain of pools' prefix domains ({@code <prefix>.<suffix>}), when configured. */
    public Optional<String> domainSuffix() {
        return domainSuffix;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
