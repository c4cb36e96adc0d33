package io.gatehouse.sigv4;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonicalisation against vectors of AWS's published SigV4 test suite
 * (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html): the example credential, 2015-08-30 12:36:00,
 * us-east-1, service {@code service}, and the signature AWS lists for each request.
 */
class CanonicalTest {

    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String AMZ_DATE = "20150830T123600Z";
    private static final String SCOPE = "20150830/us-east-1/service/aws4_request";
    private static final String HOST = "example.amazonaws.com";
    private static final String STS_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("get-vanilla", "GET", "/", null, Map.of(), "",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                Arguments.of("post-vanilla", "POST", "/", null, Map.of(), "",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                Arguments.of("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", Map.of(),
                        "", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                Arguments.of("get-header-value-trim", "GET", "/", null,
                        Map.of("My-Header1", List.of(" value1"), "My-Header2", List.of("\"a   b   c\"")), "",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                Arguments.of("get-header-key-duplicate", "GET", "/", null,
                        Map.of("My-Header1", List.of("value2", "value2", "value1")), "",
                        "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
                Arguments.of("post-header-value-case", "POST", "/", null, Map.of("My-Header1", List.of("VALUE1")), "",
                        "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
                Arguments.of("post-x-www-form-urlencoded", "POST", "/", null,
                        Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "Param1=value1",
                        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
                Arguments.of("post-sts-header-before", "POST", "/", null,
                        Map.of("X-Amz-Security-Token", List.of(STS_TOKEN)), "",
                        "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signatureWhenTestSuiteRequestThenAwsPublishedSignature(String name, String method, String path, String query,
                                                                 Map<String, List<String>> extra, String body,
                                                                 String expected) {
        Map<String, List<String>> headers = new LinkedHashMap<>(extra);
        headers.put("Host", List.of(HOST));
        headers.put("X-Amz-Date", List.of(AMZ_DATE));
        SigV4Request request = new SigV4Request(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
        List<String> signed = new ArrayList<>(request.headers().keySet());

        String canonical = Canonical.request(request, signed, Canonical.sha256Hex(request.body()));
        String signature = Canonical.signature(Canonical.signingKey(SECRET, "20150830", "us-east-1", "service"),
                Canonical.stringToSign(AMZ_DATE, SCOPE, canonical));

        assertThat(signature).isEqualTo(expected);
    }
}
