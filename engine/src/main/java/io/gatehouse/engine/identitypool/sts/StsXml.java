package io.gatehouse.engine.identitypool.sts;

import java.util.Map;

/** The XML documents of the STS Query protocol (version 2011-06-15), with every value escaped. */
final class StsXml {

    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsXml() {
    }

    /**
     * {@code <ActionResponse><ActionResult>fields</ActionResult><ResponseMetadata/></ActionResponse>}; a field whose
     * value is a map is an element of elements ({@code Credentials}, {@code AssumedRoleUser}).
     */
    static String result(String action, Map<String, ?> fields, String requestId) {
        StringBuilder xml = new StringBuilder("<").append(action).append("Response xmlns=\"").append(NAMESPACE)
                .append("\">\n  <").append(action).append("Result>\n");
        fields.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                xml.append("    <").append(name).append(">\n");
                nested.forEach((inner, text) -> xml.append("      <").append(inner).append('>')
                        .append(escape(String.valueOf(text))).append("</").append(inner).append(">\n"));
                xml.append("    </").append(name).append(">\n");
            } else {
                xml.append("    <").append(name).append('>').append(escape(String.valueOf(value))).append("</")
                        .append(name).append(">\n");
            }
        });
        return xml.append("  </").append(action).append("Result>\n  <ResponseMetadata>\n    <RequestId>")
                .append(escape(requestId)).append("</RequestId>\n  </ResponseMetadata>\n</").append(action)
                .append("Response>\n").toString();
    }

    /** An {@code ErrorResponse}: {@code Sender} for the caller's errors, {@code Receiver} for the server's. */
    static String error(boolean sender, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n  <Error>\n    <Type>" + (sender ? "Sender" : "Receiver")
                + "</Type>\n    <Code>" + escape(code) + "</Code>\n    <Message>" + escape(message)
                + "</Message>\n  </Error>\n  <RequestId>" + escape(requestId) + "</RequestId>\n</ErrorResponse>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than sent as malformed XML.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
