package io.gatehouse.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Checks a request's SigV4 signature as an AWS service does, for credentials Gatehouse issued: the header's form,
 * the scope (this service's region and signing name), the clock (15 minutes either way, as AWS allows), the
 * session token (required and signed: the credentials are temporary), the body's hash, the credentials' expiry,
 * and then the signature, compared in constant time. Pure JDK; the JAX-RS filter is {@link SigV4Filter}.
 */
public final class SigV4Verification {

    /** How far a request's {@code X-Amz-Date} may be from the service's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    static final String TOKEN = "x-amz-security-token";
    static final String CONTENT_SHA256 = "x-amz-content-sha256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Headers that must be signed whenever they are present. */
    private static final List<String> SIGNED_ALWAYS = List.of("host", "x-amz-date", TOKEN);
    private static final List<String> SIGNED_WHEN_PRESENT = List.of("content-type", CONTENT_SHA256);
    /** Headers a request may carry once: a second would make what is checked and what was signed differ. */
    private static final List<String> SINGLE = List.of("authorization", "x-amz-date", TOKEN, CONTENT_SHA256);

    private final String region;
    private final String service;
    private final SigningKeySource keys;

    /**
     * @param region  the region requests must be scoped to
     * @param service the signing name requests must be scoped to
     * @param keys    where signing keys come from (a cache in front of Gatehouse)
     */
    public SigV4Verification(String region, String service, SigningKeySource keys) {
        this.region = region;
        this.service = service;
        this.keys = keys;
    }

    /**
     * Verifies {@code request}.
     *
     * @return who signed it
     * @throws SigV4Rejection why it is refused
     */
    public GatehouseCaller verify(SigV4Request request, Instant now) {
        String authorization = request.header("authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new SigV4Rejection("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        for (String name : SINGLE) {
            if (request.values(name).size() > 1) {
                throw SigV4Rejection.incomplete("The request carries more than one " + name + " header.");
            }
        }
        SigV4Authorization auth = SigV4Authorization.parse(authorization);
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw SigV4Rejection.incomplete("Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        amzDate = amzDate.strip();
        checkSkew(parseDate(amzDate), now);
        if (!auth.date().equals(amzDate.substring(0, 8))) {
            throw SigV4Rejection.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                    + "date from HTTP.");
        }
        if (!region.equals(auth.region())) {
            throw SigV4Rejection.invalid("Credential should be scoped to a valid region: '" + region + "'.");
        }
        if (!service.equals(auth.service())) {
            throw SigV4Rejection.invalid("Credential should be scoped to correct service: '" + service + "'.");
        }
        String token = request.header(TOKEN);
        if (token == null || token.isBlank()) {
            throw new SigV4Rejection("UnrecognizedClientException", "The security token included in the request is "
                    + "invalid: these credentials are temporary and need their X-Amz-Security-Token.");
        }
        for (String name : SIGNED_ALWAYS) {
            requireSigned(auth, name);
        }
        for (String name : SIGNED_WHEN_PRESENT) {
            if (request.header(name) != null) {
                requireSigned(auth, name);
            }
        }
        String payloadHash = payloadHash(request);
        SigningKey key = keys.signingKey(new KeyScope(auth.accessKeyId(), token.strip(), auth.date(), auth.region(),
                auth.service()));
        if (!key.expiresAt().isAfter(now)) {
            throw new SigV4Rejection("ExpiredTokenException", "The security token included in the request is expired");
        }
        String expected = Canonical.signature(key.keyBytes(), Canonical.stringToSign(amzDate, auth.scope(),
                Canonical.request(request, auth.signedHeaders(), payloadHash)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw SigV4Rejection.invalid("The request signature we calculated does not match the signature you "
                    + "provided. Check your AWS Secret Access Key and signing method.");
        }
        return key.caller();
    }

    /** The body's hash; a signed {@code x-amz-content-sha256} must be it (an unsigned payload is not accepted). */
    private static String payloadHash(SigV4Request request) {
        String actual = Canonical.sha256Hex(request.bodyBytes());
        String declared = request.header(CONTENT_SHA256);
        if (declared != null && !declared.strip().equals(actual)) {
            throw SigV4Rejection.invalid("The body does not match its signed hash (x-amz-content-sha256); "
                    + "an unsigned or streamed payload is not accepted.");
        }
        return actual;
    }

    private static void requireSigned(SigV4Authorization auth, String name) {
        if (!auth.signedHeaders().contains(name)) {
            throw SigV4Rejection.invalid("'" + name + "' must be a 'SignedHeader' in the AWS Authorization.");
        }
    }

    private static Instant parseDate(String amzDate) {
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw SigV4Rejection.incomplete("X-Amz-Date must be in ISO-8601 basic format, yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    private static void checkSkew(Instant signedAt, Instant now) {
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw SigV4Rejection.invalid("Signature expired: " + AMZ_DATE.format(signedAt) + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw SigV4Rejection.invalid("Signature not yet current: " + AMZ_DATE.format(signedAt) + " is still "
                    + "later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }
}
