package io.gatehouse.sigv4;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs the filter's own calls to Gatehouse with SigV4 (the verifier credential), with the same arithmetic it
 * checks requests with: {@code content-type}, {@code host}, {@code x-amz-content-sha256} and {@code x-amz-date}
 * signed, as the AWS SDK's {@code AwsV4HttpSigner} signs the same request.
 */
final class RequestSigner {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final String secret;
    private final String region;
    private final String service;

    RequestSigner(String accessKeyId, String secret, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
        this.service = service;
    }

    /** The headers to send with a POST of {@code body} ({@code application/json}) to {@code uri}, Host aside. */
    Map<String, String> sign(URI uri, byte[] body, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        Map<String, List<String>> headers = new TreeMap<>();
        headers.put("host", List.of(host(uri)));
        String payloadHash = Canonical.sha256Hex(body);
        headers.put("content-type", List.of("application/json"));
        headers.put("x-amz-content-sha256", List.of(payloadHash));
        headers.put("x-amz-date", List.of(amzDate));
        SigV4Request request = new SigV4Request("POST", uri.getRawPath(), uri.getRawQuery(), headers, body);
        List<String> signed = List.copyOf(headers.keySet());
        String scope = date + "/" + region + "/" + service + "/" + SigV4Authorization.TERMINATOR;
        String signature = Canonical.signature(Canonical.signingKey(secret, date, region, service),
                Canonical.stringToSign(amzDate, scope, Canonical.request(request, signed, payloadHash)));
        return Map.of("Content-Type", "application/json", "X-Amz-Content-Sha256", payloadHash, "X-Amz-Date", amzDate,
                "Authorization",
                SigV4Authorization.ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders="
                        + String.join(";", signed) + ", Signature=" + signature);
    }

    /** The Host header an HTTP client sends: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || "http".equalsIgnoreCase(uri.getScheme()) && port == 80
                || "https".equalsIgnoreCase(uri.getScheme()) && port == 443;
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
