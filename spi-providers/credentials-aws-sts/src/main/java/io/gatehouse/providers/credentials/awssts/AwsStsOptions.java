package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The broker's server-level options, from {@code gatehouse.spi.credentials-broker.aws-sts.<option>}.
 *
 * @param endpoint       the STS to call; empty for AWS STS's regional endpoint for {@code region}
 * @param region         the AWS region (AWS STS's endpoint; any other STS ignores it)
 * @param connectTimeout how long connecting may take
 * @param callTimeout    how long one AssumeRoleWithWebIdentity may take in all, retries included
 * @param policyArns     managed policies that narrow the role's permissions for every session (at most 10)
 */
public record AwsStsOptions(Optional<URI> endpoint, String region, Duration connectTimeout, Duration callTimeout,
                            List<String> policyArns) {

    static final String DEFAULT_REGION = "us-east-1";
    static final int DEFAULT_CONNECT_TIMEOUT_MS = 1000;
    static final int DEFAULT_CALL_TIMEOUT_MS = 5000;
    /** AWS's limit on PolicyArns. */
    static final int MAX_POLICY_ARNS = 10;

    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:[\\w-]+:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+");

    public AwsStsOptions {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        policyArns = List.copyOf(policyArns);
    }

    /**
     * Reads the options, refusing what would not work.
     *
     * @throws ProviderInitializationException naming the option and what it must be
     */
    public static AwsStsOptions parse(ProviderConfig config) throws ProviderInitializationException {
        Optional<String> endpointValue = config.get("endpoint").filter(v -> !v.isBlank());
        Optional<URI> endpoint = endpointValue.isPresent() ? Optional.of(endpoint(endpointValue.get()))
                : Optional.empty();
        String region = config.get("region", DEFAULT_REGION).trim();
        // Not checked against AWS's list: MinIO and Ceph have regions of their own naming.
        if (region.length() > 64 || !REGION.matcher(region).matches()) {
            throw new ProviderInitializationException("option 'region' must be a region name such as us-east-1, not '"
                    + region + "'");
        }
        int connect = config.getInt("connect-timeout-ms", DEFAULT_CONNECT_TIMEOUT_MS);
        if (connect < 50 || connect > 30_000) {
            throw new ProviderInitializationException("option 'connect-timeout-ms' must be between 50 and 30000");
        }
        int call = config.getInt("call-timeout-ms", DEFAULT_CALL_TIMEOUT_MS);
        // The user's GetCredentialsForIdentity waits for it.
        if (call < 100 || call > 30_000) {
            throw new ProviderInitializationException("option 'call-timeout-ms' must be between 100 and 30000");
        }
        return new AwsStsOptions(endpoint, region, Duration.ofMillis(connect), Duration.ofMillis(call),
                policyArns(config.get("policy-arns", "")));
    }

    private static URI endpoint(String value) throws ProviderInitializationException {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (java.net.URISyntaxException e) {
            throw new ProviderInitializationException("option 'endpoint' is not a URL: " + value);
        }
        String host = uri.getHost();
        boolean loopback = host != null && (host.equals("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]") || host.equals("::1"));
        // The OpenID token is a bearer credential for the role: it crosses a network only encrypted.
        if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
            throw new ProviderInitializationException("option 'endpoint' must be an https URL (http only on a"
                    + " loopback address), not " + value);
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ProviderInitializationException("option 'endpoint' must have no user, query or fragment: "
                    + "the STS is called at the URL itself, as AWS's SDKs call it");
        }
        return uri;
    }

    private static List<String> policyArns(String value) throws ProviderInitializationException {
        List<String> arns = new ArrayList<>();
        for (String part : value.split(",")) {
            String arn = part.trim();
            if (arn.isEmpty()) {
                continue;
            }
            if (arn.length() > 2048 || !POLICY_ARN.matcher(arn).matches()) {
                throw new ProviderInitializationException("option 'policy-arns' must list managed policy ARNs "
                        + "(arn:aws:iam::123456789012:policy/name), separated by commas; '" + arn + "' is not one");
            }
            arns.add(arn);
        }
        if (arns.size() > MAX_POLICY_ARNS) {
            throw new ProviderInitializationException("option 'policy-arns' lists " + arns.size()
                    + " policies; AssumeRoleWithWebIdentity takes at most " + MAX_POLICY_ARNS);
        }
        return arns;
    }
}
