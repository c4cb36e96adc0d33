package io.gatehouse.bench;

import io.gatehouse.sigv4.CachedSigningKeys;
import io.gatehouse.sigv4.Canonical;
import io.gatehouse.sigv4.GatehouseCaller;
import io.gatehouse.sigv4.SigV4Request;
import io.gatehouse.sigv4.SigV4Verification;
import io.gatehouse.sigv4.SigningKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SigV4 verifications per second in the filter, its signing key cached (the steady state: Gatehouse is asked once
 * per credentials and day), on one thread, beside the bound measured in the same run: the hashing no verifier can
 * skip (SHA-256 of the body and of the canonical request, one HMAC-SHA256 of the string to sign under the derived
 * key). The request is a POST of a 200-byte JSON body with a query, signed as an SDK signs it (host, content-type,
 * x-amz-date, x-amz-security-token). Run by {@code bench/sigv4.sh}.
 */
final class SigV4FilterCost {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SigV4FilterCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long roundNanos = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 2).toNanos();
        Instant now = Instant.now();
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        String secret = "local-sts-secret-of-forty-characters-xyz";
        String token = "A".repeat(64);
        byte[] key = Canonical.signingKey(secret, date, "us-east-1", "orders");
        GatehouseCaller caller = new GatehouseCaller("us-east-1:pool", "us-east-1:identity",
                "arn:aws:iam::123456789012:role/orders-users", "arn:aws:sts::123456789012:assumed-role/orders-users/"
                + "CognitoIdentityCredentials", true, Map.of());
        CachedSigningKeys keys = new CachedSigningKeys(scope -> new SigningKey(key, caller,
                now.plus(Duration.ofHours(1))), 10_000, Clock.systemUTC());
        SigV4Verification verification = new SigV4Verification("us-east-1", "orders", keys);

        byte[] body = ("{\"order\":\"" + "x".repeat(186) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new TreeMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("host", List.of("orders.example.com"));
        headers.put("x-amz-date", List.of(amzDate));
        headers.put("x-amz-security-token", List.of(token));
        SigV4Request unsigned = new SigV4Request("POST", "/api/orders/42", "expand=items&v=2", headers, body);
        List<String> signed = new ArrayList<>(headers.keySet());
        String scope = date + "/us-east-1/orders/aws4_request";
        String canonical = Canonical.request(unsigned, signed, Canonical.sha256Hex(body));
        String stringToSign = Canonical.stringToSign(amzDate, scope, canonical);
        headers.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE23/" + scope
                + ", SignedHeaders=" + String.join(";", signed) + ", Signature="
                + Canonical.signature(key, stringToSign)));
        SigV4Request request = new SigV4Request("POST", "/api/orders/42", "expand=items&v=2", headers, body);
        verification.verify(request, Instant.now());

        byte[] canonicalBytes = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] toSign = stringToSign.getBytes(StandardCharsets.UTF_8);
        System.out.printf("request: POST, %d-byte body, canonical request %d bytes; one thread, %d rounds of %d s%n",
                body.length, canonicalBytes.length, rounds, roundNanos / 1_000_000_000L);
        double[] ratios = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            double bound = rate(roundNanos / 2, () -> {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.digest(body);
                sha.digest(canonicalBytes);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(toSign)[0];
            });
            double filter = rate(roundNanos, () -> verification.verify(request, Instant.now()).identityId().length());
            ratios[round - 1] = filter / bound;
            System.out.printf("round %d: filter %,.0f verifications/s (%.1f µs), hashing alone %,.0f/s (%.1f µs):"
                    + " %.0f%%%n", round, filter, 1e6 / filter, bound, 1e6 / bound, 100 * filter / bound);
        }
        Arrays.sort(ratios);
        System.out.printf("median: filter at %.0f%% of the hashing alone%n", 100 * ratios[rounds / 2]);
    }

    @FunctionalInterface
    private interface Work {
        int run() throws Exception;
    }

    /** Operations per second of {@code work} over {@code nanos}, after as long again of warm-up. */
    private static double rate(long nanos, Work work) throws Exception {
        int sink = 0;
        for (long end = System.nanoTime() + nanos; System.nanoTime() < end; ) {
            sink += work.run();
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + nanos;
        long t;
        while ((t = System.nanoTime()) < end) {
            for (int i = 0; i < 100; i++) {
                sink += work.run();
            }
            count += 100;
        }
        if (sink == 42) {
            System.out.print("");
        }
        return count / ((t - start) / 1e9);
    }
}
