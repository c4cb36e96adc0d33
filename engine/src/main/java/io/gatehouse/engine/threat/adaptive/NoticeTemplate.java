package io.gatehouse.engine.threat.adaptive;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice e-mail's template (Cognito's {@code NotifyEmailType} subject or body) and its placeholders:
 * {@code {username}}, {@code {ip-address}}, {@code {city}}, {@code {country}}, {@code {login-time}},
 * {@code {device-name}}, {@code {one-click-link-valid}} and {@code {one-click-link-invalid}}. Values are put in in
 * one pass (a value holding a placeholder stays as it is), without control characters (a line break in a subject
 * would start a new mail header), and HTML-escaped in an HTML body: the device name is whatever the client's
 * User-Agent said.
 */
public final class NoticeTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(username|ip-address|city|country|login-time"
            + "|device-name|one-click-link-valid|one-click-link-invalid)}");

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private NoticeTemplate() {
    }

    /** {@code template} with the values of {@code values} (keyed by placeholder name) put in. */
    public static String render(String template, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = CONTROL.matcher(values.getOrDefault(m.group(1), "")).replaceAll("");
            m.appendReplacement(out, Matcher.quoteReplacement(html ? escape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
