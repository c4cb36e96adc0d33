package io.gatehouse.providers.credentials.awssts;

import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker's options: defaults, and what is refused at start with a message that names the option. */
class AwsStsOptionsTest {

    private static AwsStsOptions parse(String... options) throws ProviderInitializationException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], options[i + 1]);
        }
        return AwsStsOptions.parse(new ProviderConfig(values));
    }

    private static void refused(String option, String... options) {
        ProviderInitializationException e = assertThrows(ProviderInitializationException.class, () -> parse(options));
        assertTrue(e.getMessage().contains("'" + option + "'"), e.getMessage());
    }

    @Test
    void defaultsWhenNothingSetThenAwsStsInUsEast1WithShortTimeouts() throws Exception {
        AwsStsOptions options = parse();
        assertEquals(Optional.empty(), options.endpoint());
        assertEquals("us-east-1", options.region());
        assertEquals(Duration.ofSeconds(1), options.connectTimeout());
        assertEquals(Duration.ofSeconds(5), options.callTimeout());
        assertEquals(List.of(), options.policyArns());
    }

    @Test
    void everyOptionWhenSetThenRead() throws Exception {
        AwsStsOptions options = parse("endpoint", " https://minio.example.com:9000 ", "region", "eu-west-3",
                "connect-timeout-ms", "250", "call-timeout-ms", "2000",
                "policy-arns", "arn:aws:iam::aws:policy/ReadOnlyAccess, arn:aws:iam::123456789012:policy/team/s3-ro");
        assertEquals(Optional.of(URI.create("https://minio.example.com:9000")), options.endpoint());
        assertEquals("eu-west-3", options.region());
        assertEquals(Duration.ofMillis(250), options.connectTimeout());
        assertEquals(Duration.ofSeconds(2), options.callTimeout());
        assertEquals(List.of("arn:aws:iam::aws:policy/ReadOnlyAccess",
                "arn:aws:iam::123456789012:policy/team/s3-ro"), options.policyArns());
    }

    @Test
    void endpointWhenPlainHttpThenOnlyOnLoopback() throws Exception {
        assertTrue(parse("endpoint", "http://127.0.0.1:9000").endpoint().isPresent());
        assertTrue(parse("endpoint", "http://localhost:9000").endpoint().isPresent());
        assertTrue(parse("endpoint", "http://[::1]:9000").endpoint().isPresent());
        assertFalse(parse("endpoint", "  ").endpoint().isPresent());
        refused("endpoint", "endpoint", "http://minio.internal:9000");
        refused("endpoint", "endpoint", "ftp://sts.example.com");
        refused("endpoint", "endpoint", "sts.example.com");
        refused("endpoint", "endpoint", "https://sts example.com");
        refused("endpoint", "endpoint", "https://user:pass@sts.example.com");
        refused("endpoint", "endpoint", "https://sts.example.com/?Action=AssumeRole");
    }

    @Test
    void timeoutsWhenUnboundedOrNotNumbersThenRefused() {
        refused("connect-timeout-ms", "connect-timeout-ms", "0");
        refused("connect-timeout-ms", "connect-timeout-ms", "600000");
        refused("connect-timeout-ms", "connect-timeout-ms", "soon");
        refused("call-timeout-ms", "call-timeout-ms", "10");
        refused("call-timeout-ms", "call-timeout-ms", "3600000");
    }

    @Test
    void regionAndPoliciesWhenMalformedThenRefused() {
        refused("region", "region", "US East");
        refused("region", "region", "");
        refused("policy-arns", "policy-arns", "ReadOnlyAccess");
        refused("policy-arns", "policy-arns", "arn:aws:iam::123456789012:role/not-a-policy");
        refused("policy-arns", "policy-arns", IntStream.range(0, 11)
                .mapToObj(i -> "arn:aws:iam::123456789012:policy/p" + i).collect(Collectors.joining(",")));
    }
}
