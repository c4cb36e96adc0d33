package io.gatehouse.sigv4;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SigV4's arithmetic, as AWS's services other than S3 do it: the canonical request (each path segment encoded once
 * more on top of its encoding on the wire, the query decoded, re-encoded and sorted, header values trimmed with
 * inner runs of spaces collapsed), the string to sign, the derived signing key and the signature. Checked against
 * AWS's published SigV4 test suite and the AWS SDK's own signer (see the tests).
 */
public final class Canonical {

    /** The hash of an empty body, which GET requests sign. */
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private Canonical() {
    }

    /** The canonical request of {@code request}, over {@code signedHeaders}, with the body's hash given. */
    public static String request(SigV4Request request, List<String> signedHeaders, String payloadHash) {
        StringBuilder canonical = new StringBuilder(256)
                .append(request.method()).append('\n')
                .append(uri(request.rawPath())).append('\n')
                .append(query(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':');
            List<String> values = request.values(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    canonical.append(',');
                }
                canonical.append(trimValue(values.get(i)));
            }
            canonical.append('\n');
        }
        return canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash)
                .toString();
    }

    /** {@code AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex SHA-256 of the canonical request>}. */
    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return SigV4Authorization.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** SigV4's derived key, {@code kSigning}, of a secret for one day ({@code yyyyMMdd}), region and service. */
    public static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, SigV4Authorization.TERMINATOR);
    }

    /** The hex signature of {@code stringToSign} under a derived signing key. */
    public static String signature(byte[] signingKey, String stringToSign) {
        return HEX.formatHex(hmac(signingKey, stringToSign));
    }

    /** The lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }

    /** A header value as SigV4 signs it: trimmed, each run of spaces inside it one space. */
    static String trimValue(String value) {
        String trimmed = value.strip();
        if (trimmed.indexOf("  ") < 0) {
            return trimmed;
        }
        return trimmed.replaceAll(" +", " ");
    }

    static String uri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String[] segments = rawPath.split("/", -1);
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encode(segments[i]));
        }
        return out.toString();
    }

    static String query(String rawQuery) {
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
            pairs.add(new String[]{encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (String[] pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** A query component as sent; a malformed escape is refused, as what was signed cannot be known. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SigV4Rejection.invalid("The query string has a malformed percent-encoding.");
        }
    }

    /** RFC 3986 encoding: everything but unreserved characters, upper-case hex. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(UPPER_HEX.toHexDigits(b));
            }
        }
        return out.toString();
    }
}
