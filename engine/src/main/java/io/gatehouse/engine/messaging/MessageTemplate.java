package io.gatehouse.engine.messaging;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of a pool's message templates, with Cognito's placeholders: {@value #CODE} for the code or temporary
 * password, {@value #USERNAME} for the user name.
 *
 * @param text the template as the pool has it
 */
public record MessageTemplate(String text) {

    public static final String CODE = "{####}";
    public static final String USERNAME = "{username}";

    private static final Pattern PLACEHOLDER = Pattern.compile(Pattern.quote(CODE) + "|" + Pattern.quote(USERNAME));

    public MessageTemplate {
        Objects.requireNonNull(text, "text");
    }

    /**
     * Whether a mail made from this template is HTML. Decided from the template alone: user names are chosen by
     * whoever signs up, and one holding markup must not turn a text mail into HTML from the pool's sender.
     */
    public boolean html() {
        return text.contains("<") && text.contains(">");
    }

    /** The text with the values put in, as they are: for SMS, which is never HTML. */
    public String text(String code, String username) {
        return render(code, username, false);
    }

    /** The body of a mail: the values put in, escaped for HTML when the template is HTML. */
    public String mailBody(String code, String username) {
        return render(code, username, html());
    }

    /** Substitutes in one pass, so a user name that holds a placeholder is not itself substituted. */
    private String render(String code, String username, boolean escape) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            String value = m.group().equals(CODE) ? code : username;
            m.appendReplacement(out, Matcher.quoteReplacement(escape ? escapeHtml(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** HTML text and attribute escaping of the five characters that matter. */
    static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
