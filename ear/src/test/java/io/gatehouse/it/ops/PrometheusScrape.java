package io.gatehouse.it.ops;

import io.gatehouse.it.Gatehouse;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One reading of the test server's {@code /metrics} in Prometheus's text form: each sample line as its name, its
 * labels and its value. The server is shared by every IT, so a test reads before and after what it does and
 * compares with {@link #delta}.
 */
public record PrometheusScrape(String text, List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static PrometheusScrape now() throws Exception {
        HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT
                .resolve("/metrics")).header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<Sample> samples = response.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(PrometheusScrape::parse).toList();
        return new PrometheusScrape(response.body(), samples);
    }

    private static Sample parse(String line) {
        Matcher m = SAMPLE.matcher(line);
        assertThat(m.find()).as("a Prometheus sample: " + line).isTrue();
        Map<String, String> labels = new HashMap<>();
        if (m.group(2) != null) {
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
        }
        return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
    }

    public List<String> names() {
        return samples.stream().map(Sample::name).distinct().toList();
    }

    /** The sum of the samples of this name carrying these labels (and any others); 0 when there is none. */
    public double sum(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && matches(s.labels(), labels))
                .mapToDouble(Sample::value).sum();
    }

    public double delta(PrometheusScrape before, String name, String... labels) {
        return sum(name, labels) - before.sum(name, labels);
    }

    private static boolean matches(Map<String, String> actual, String... wanted) {
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(actual.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }
}
