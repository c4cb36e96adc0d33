package io.gatehouse.it.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/** The ways the fuzzer breaks a request to an OAuth or hosted-UI endpoint; {@link #weight} is how often. */
enum OAuthMutation {

    NONE(25) {
        @Override
        void apply(Draft d, Random r) {
        }
    },
    /** A parameter of the query or the form left out. */
    DROP_PARAMETER(10) {
        @Override
        void apply(Draft d, Random r) {
            List<Map.Entry<String, String>> from = d.any(r);
            if (!from.isEmpty()) {
                from.remove(r.nextInt(from.size()));
            }
        }
    },
    /** A parameter's value replaced by odd text: empty, huge, control characters, Unicode, injection. */
    ODD_VALUE(20) {
        @Override
        void apply(Draft d, Random r) {
            List<Map.Entry<String, String>> from = d.any(r);
            if (!from.isEmpty()) {
                int at = r.nextInt(from.size());
                from.set(at, Map.entry(from.get(at).getKey(), ODD.get(r.nextInt(ODD.size()))));
            }
        }
    },
    /** A parameter given twice with different values. */
    DUPLICATE_PARAMETER(8) {
        @Override
        void apply(Draft d, Random r) {
            List<Map.Entry<String, String>> from = d.any(r);
            if (!from.isEmpty()) {
                from.add(Map.entry(from.get(r.nextInt(from.size())).getKey(), ODD.get(r.nextInt(ODD.size()))));
            }
        }
    },
    /** Parameters no endpoint knows, and names that look like others'. */
    UNKNOWN_PARAMETER(5) {
        @Override
        void apply(Draft d, Random r) {
            d.any(r).add(Map.entry(List.of("x", "", "client_id ", "CLIENT_ID", "redirect_uri[]", "__proto__",
                    "grant_type\u0000").get(r.nextInt(7)), "1"));
        }
    },
    /** Percent-encoding broken: a lone %, %zz, an encoded NUL, a lone surrogate's bytes. */
    BROKEN_ENCODING(8) {
        @Override
        void apply(Draft d, Random r) {
            String junk = List.of("&%", "&a=%zz", "&redirect_uri=%00", "&state=%ED%A0%80", "&&=&", "&%=%",
                    "&client_id=%C3%28").get(r.nextInt(7));
            if (d.form != null && r.nextBoolean()) {
                d.rawFormSuffix = junk;
            } else {
                d.rawQuerySuffix = junk;
            }
        }
    },
    /** A body that is not a form: JSON, binary, or a form under another Content-Type. */
    ODD_BODY(6) {
        @Override
        void apply(Draft d, Random r) {
            d.method = "POST";
            switch (r.nextInt(4)) {
                case 0 -> d.rawBody = "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8);
                case 1 -> d.rawBody = new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2};
                case 2 -> d.contentType = "application/json";
                default -> d.contentType = "multipart/form-data; boundary=zz";
            }
        }
    },
    /** Another method than the endpoint takes. */
    WRONG_METHOD(5) {
        @Override
        void apply(Draft d, Random r) {
            d.method = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD").get(r.nextInt(6));
        }
    },
    /** Authorization headers that are not what they claim: bad Basic, bad Bearer, another scheme. */
    AUTHORIZATION(8) {
        @Override
        void apply(Draft d, Random r) {
            d.headers.put("Authorization", List.of("Basic", "Basic !!!", "Basic " + b64("no-colon"),
                    "Basic " + b64(":"), "Basic " + b64("\u0000:\u0000"), "Basic " + b64("%zz:%"),
                    "Basic " + b64("a%00:b"), "Bearer", "Bearer ", "Bearer a.b.c",
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Negotiate abc", "bearer x".repeat(2000))
                    .get(r.nextInt(13)));
        }
    },
    /** Cookies of the hosted UI with junk values. */
    COOKIES(5) {
        @Override
        void apply(Draft d, Random r) {
            d.headers.put("Cookie", List.of("__Host-gatehouse_csrf=junk", "__Host-gatehouse_session_x=%zz",
                    "gatehouse_session_" + "a".repeat(300) + "=1", "=;=;;", "__Host-gatehouse_csrf=\u00e9")
                    .get(r.nextInt(5)));
        }
    };

    static final List<String> ODD = List.of("", " ", "x".repeat(9000), "\u0000", "\r\nX-Injected: 1", "\u202Eevil",
            "日本語", "\uD83D\uDE00", "' OR 1=1 --", "<script>alert(1)</script>", "javascript:alert(1)",
            "//evil.example.com", "https://evil.example.com/cb", "../../../etc/passwd", "%00", "${jndi:ldap://x}",
            "-1", "99999999999999999999", "true", "null", "[]", "{}", "a b+c", "\u0085");

    private final int weight;

    OAuthMutation(int weight) {
        this.weight = weight;
    }

    abstract void apply(Draft d, Random r);

    static OAuthMutation pick(Random random) {
        int total = 0;
        for (OAuthMutation m : values()) {
            total += m.weight;
        }
        int at = random.nextInt(total);
        for (OAuthMutation m : values()) {
            at -= m.weight;
            if (at < 0) {
                return m;
            }
        }
        throw new IllegalStateException();
    }

    private static String b64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A request being made: what {@link OAuthTarget} gives, open to a mutation. */
    static final class Draft {
        String method;
        final String path;
        final List<Map.Entry<String, String>> query;
        List<Map.Entry<String, String>> form;
        final Map<String, String> headers;
        String contentType = "application/x-www-form-urlencoded";
        String rawQuerySuffix = "";
        String rawFormSuffix = "";
        byte[] rawBody;

        Draft(String method, String path, List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> form,
              Map<String, String> headers) {
            this.method = method;
            this.path = path;
            this.query = new ArrayList<>(query);
            this.form = method.equals("POST") ? new ArrayList<>(form) : null;
            this.headers = new LinkedHashMap<>(headers);
        }

        /** The query or the form, whichever a mutation should touch. */
        List<Map.Entry<String, String>> any(Random r) {
            return form != null && (query.isEmpty() || r.nextBoolean()) ? form : query;
        }

        OAuthCase build(String endpoint, String mutation) {
            String q = encode(query) + rawQuerySuffix;
            String pathAndQuery = q.isEmpty() ? path : path + "?" + q;
            byte[] body = null;
            Map<String, String> h = new LinkedHashMap<>(headers);
            if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                body = rawBody != null ? rawBody
                        : (encode(form == null ? List.of() : form) + rawFormSuffix).getBytes(StandardCharsets.UTF_8);
                h.put("Content-Type", contentType);
            }
            return new OAuthCase(endpoint, method, pathAndQuery, h, body, mutation);
        }

        static String encode(List<Map.Entry<String, String>> parameters) {
            return parameters.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        }
    }
}
