package io.gatehouse.engine.cognito.sigv4;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.Hmac;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies AWS Signature Version 4 on a request, as an AWS service does: the header's form, the credential scope
 * (this server's region and the service's signing name), the clock skew, the access key, and then the
 * signature itself, compared in constant time. Failures carry AWS's own error types, so SDKs react as they do
 * with AWS (an SDK corrects its clock after a {@code Signature expired} error and retries).
 *
 * <p>Only the header form of SigV4 is accepted; pre-signed URLs have no use on this API.
 */
public final class SigV4Verifier {

    /** AWS accepts requests signed up to five minutes before or after its own clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    /**
     * Headers the signature must cover whenever the request carries them, besides {@code host}, as AWS requires:
     * the operation and the body's type. Unsigned, a captured request could be replayed, while its signature is
     * current, as another operation with the same body.
     */
    private static final List<String> SIGNED_WHEN_PRESENT = List.of("X-Amz-Target", "Content-Type");

    /**
     * Headers a request may carry once only: the first is the one checked, and a second (an Authorization a proxy
     * or attacker appended, a second date) would make what was checked and what was signed two different things.
     */
    private static final List<String> SINGLE = List.of("Authorization", "X-Amz-Date");

    private final String region;
    private final String service;

    /**
     * @param region  the region requests must be scoped to
     * @param service the signing name requests must be scoped to ({@code cognito-idp})
     */
    public SigV4Verifier(String region, String service) {
        this.region = region;
        this.service = service;
    }

    /**
     * Verifies the request's signature.
     *
     * @param request the request as it arrived
     * @param now     the server's time
     * @param secrets the secret of an access key id, or empty when the key is unknown
     * @return the access key id that signed the request
     * @throws ServiceException with type {@code MissingAuthenticationTokenException},
     *                          {@code IncompleteSignatureException}, {@code InvalidSignatureException} or
     *                          {@code UnrecognizedClientException}
     */
    public String verify(SignedRequest request, Instant now, Function<String, Optional<String>> secrets) {
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw new ServiceException("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        for (String name : SINGLE) {
            if (request.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).size() > 1) {
                throw AuthorizationHeader.incomplete("The request carries more than one " + name + " header.");
            }
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization);
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null) {
            throw AuthorizationHeader.incomplete("Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header.");
        }
        Instant signedAt = parseAmzDate(amzDate.trim());
        checkSkew(signedAt, now);
        if (!auth.date().equals(amzDate.trim().substring(0, 8))) {
            throw AuthorizationHeader.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 "
                    + "version of date from HTTP: '" + auth.date() + "' != '" + amzDate.trim().substring(0, 8)
                    + "', from '" + amzDate.trim() + "'.");
        }
        if (!region.equals(auth.region())) {
            throw new ServiceException("InvalidSignatureException", "Credential should be scoped to a valid "
                    + "region. Expected '" + region + "', got '" + auth.region() + "'.");
        }
        if (!service.equals(auth.service())) {
            throw new ServiceException("InvalidSignatureException", "Credential should be scoped to correct "
                    + "service: '" + service + "'.");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw AuthorizationHeader.invalid("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        for (String name : SIGNED_WHEN_PRESENT) {
            if (request.header(name) != null && !auth.signedHeaders().contains(name.toLowerCase(Locale.ROOT))) {
                throw AuthorizationHeader.invalid("'" + name + "' must be a 'SignedHeader' in the AWS Authorization.");
            }
        }
        String secret = secrets.apply(auth.accessKeyId()).orElseThrow(() -> new ServiceException(
                "UnrecognizedClientException", "The security token included in the request is invalid."));
        String expected = signature(request, auth, amzDate.trim(), secret);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AuthorizationHeader.invalid("The request signature we calculated does not match the signature "
                    + "you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                    + "documentation for details.");
        }
        return auth.accessKeyId();
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw AuthorizationHeader.incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static void checkSkew(Instant signedAt, Instant now) {
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw AuthorizationHeader.invalid("Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " - 5 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw AuthorizationHeader.invalid("Signature not yet current: " + AMZ_DATE.format(signedAt)
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 5 min.)");
        }
    }

    /** The signature the request should carry if signed with {@code secret}. */
    static String signature(SignedRequest request, AuthorizationHeader auth, String amzDate, String secret) {
        String canonicalRequest = canonicalRequest(request, auth.signedHeaders());
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(secret, auth.date(), auth.region(), auth.service());
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /**
     * SigV4's derived signing key, {@code kSigning}, of a secret for one day, region and service: what signs every
     * request of that scope, and useless for any other.
     *
     * @param date {@code yyyyMMdd}
     */
    public static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, AuthorizationHeader.TERMINATOR);
    }

    static String canonicalRequest(SignedRequest request, List<String> signedHeaders) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(canonicalUri(request.rawPath())).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = new ArrayList<>();
            for (String v : values) {
                trimmed.add(v.trim().replaceAll(" +", " "));
            }
            canonical.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n')
                .append(HEX.formatHex(sha256(request.body())));
        return canonical.toString();
    }

    /** Services other than S3 encode each path segment once more, on top of the encoding it arrived with. */
    private static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(uriEncode(segment));
        }
        return String.join("/", segments);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[]{uriEncode(decode(name)), uriEncode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        for (String[] p : pairs) {
            joined.add(p[0] + "=" + p[1]);
        }
        return String.join("&", joined);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** RFC 3986 encoding: everything but unreserved characters, upper-case hex. */
    static String uriEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        return Hmac.sha256(key, data);
    }
}
