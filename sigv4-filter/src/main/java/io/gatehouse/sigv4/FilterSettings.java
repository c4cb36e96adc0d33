package io.gatehouse.sigv4;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The filter's configuration, read by name ({@code gatehouse.sigv4.*}) from MicroProfile Config when the server has
 * it, else from the JAX-RS application's properties ({@code Application.getProperties()}).
 *
 * @param endpoint        Gatehouse's base URL ({@code gatehouse.sigv4.endpoint}, required)
 * @param region          the region requests must be signed for ({@code gatehouse.sigv4.region}, required)
 * @param service         the signing name requests must be signed for ({@code gatehouse.sigv4.service}, required)
 * @param gatehouseRegion Gatehouse's own region, which the key calls are signed for
 *                        ({@code gatehouse.sigv4.gatehouse-region}, default {@code region})
 * @param accessKeyId     the verifier credential's key id ({@code gatehouse.sigv4.verifier.access-key-id})
 * @param secret          its secret ({@code gatehouse.sigv4.verifier.secret-access-key})
 * @param maxBodyBytes    the largest body the filter reads to hash ({@code gatehouse.sigv4.max-body-bytes}, 1 MiB)
 * @param cacheSize       how many signing keys are kept ({@code gatehouse.sigv4.cache-size}, 10000)
 */
public record FilterSettings(URI endpoint, String region, String service, String gatehouseRegion,
                             String accessKeyId, String secret, int maxBodyBytes, int cacheSize) {

    public static final String PREFIX = "gatehouse.sigv4.";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * Reads the settings.
     *
     * @param property a setting's value by its full name, or empty
     * @throws IllegalStateException naming every setting that is missing or wrong
     */
    public static FilterSettings from(Function<String, Optional<String>> property) {
        List<String> problems = new ArrayList<>();
        String endpoint = required(property, "endpoint", problems);
        String region = required(property, "region", problems);
        String service = required(property, "service", problems);
        String keyId = required(property, "verifier.access-key-id", problems);
        String secret = required(property, "verifier.secret-access-key", problems);
        String gatehouseRegion = value(property, "gatehouse-region").orElse(region);
        URI uri = null;
        if (endpoint != null) {
            try {
                uri = URI.create(endpoint);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add(PREFIX + "endpoint must be an http or https URL");
                }
            } catch (IllegalArgumentException e) {
                problems.add(PREFIX + "endpoint is not a URL");
            }
        }
        if (region != null && !REGION.matcher(region).matches()
                || gatehouseRegion != null && !REGION.matcher(gatehouseRegion).matches()) {
            problems.add(PREFIX + "region and " + PREFIX + "gatehouse-region must look like us-east-1");
        }
        if (service != null && !SERVICE.matcher(service).matches()) {
            problems.add(PREFIX + "service must be a signing name: lower-case letters, digits and hyphens");
        }
        int maxBody = number(property, "max-body-bytes", 1024 * 1024, problems);
        int cacheSize = number(property, "cache-size", 10_000, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The Gatehouse SigV4 filter is not configured: " + String.join("; ",
                    problems));
        }
        return new FilterSettings(uri, region, service, gatehouseRegion, keyId, secret, maxBody, cacheSize);
    }

    private static Optional<String> value(Function<String, Optional<String>> property, String name) {
        return property.apply(PREFIX + name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String required(Function<String, Optional<String>> property, String name, List<String> problems) {
        Optional<String> value = value(property, name);
        if (value.isEmpty()) {
            problems.add(PREFIX + name + " is required");
        }
        return value.orElse(null);
    }

    private static int number(Function<String, Optional<String>> property, String name, int fallback,
                              List<String> problems) {
        try {
            int n = value(property, name).map(Integer::parseInt).orElse(fallback);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PREFIX + name + " must be a positive whole number");
        return fallback;
    }

    /** Without the secret. */
    @Override
    public String toString() {
        return "FilterSettings[endpoint=" + endpoint + ", region=" + region + ", service=" + service
                + ", gatehouseRegion=" + gatehouseRegion + ", accessKeyId=" + accessKeyId + "]";
    }
}
