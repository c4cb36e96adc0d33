package io.gatehouse.providers.federation.oauth.testing;

import io.gatehouse.api.federation.Outgoing;
import io.gatehouse.providers.federation.oauth.Urls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a browser does with a sign-in: follows the redirect to the IdP and reads where the IdP sends it back. */
public final class Browser {

    /** A browser's HTTP client, which does not follow redirects: the tests follow them. */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Browser() {
    }

    /** The parameters the IdP sent back to {@code callback}, after it signed the user in without asking. */
    public static Map<String, List<String>> signIn(Outgoing outgoing, URI callback) throws Exception {
        URI authorize = ((Outgoing.Redirect) outgoing).location();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(authorize).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), "the IdP's authorize answer: " + answer.body());
        URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
        assertTrue(back.toString().startsWith(callback + "?"), "the IdP sends the browser to " + back);
        return parameters(back);
    }

    /** A URI's query parameters, decoded, each name's values in order. */
    public static Map<String, List<String>> parameters(URI uri) {
        return decode(uri.getRawQuery());
    }

    /** Parameters in {@code application/x-www-form-urlencoded} form, as a query or a posted form has them. */
    public static Map<String, List<String>> decode(String query) {
        return Urls.decode(query);
    }

    /** A parameter that comes once. */
    public static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        assertEquals(1, values.size(), name + " comes " + values.size() + " times");
        return values.get(0);
    }
}
