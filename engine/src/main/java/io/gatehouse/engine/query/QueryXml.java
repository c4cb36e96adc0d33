package io.gatehouse.engine.query;

import java.util.List;
import java.util.Map;

/** The XML documents of the Query protocol, in a service's namespace, with every value escaped. */
public final class QueryXml {

    private QueryXml() {
    }

    /**
     * {@code <ActionResponse><ActionResult>fields</ActionResult><ResponseMetadata/></ActionResponse>}; a field whose
     * value is a map is an element of elements ({@code Credentials}), a list one of {@code member} elements.
     */
    public static String result(String namespace, String action, Map<String, ?> fields, String requestId) {
        StringBuilder xml = new StringBuilder("<").append(action).append("Response xmlns=\"").append(namespace)
                .append("\">\n  <").append(action).append("Result>\n");
        fields.forEach((name, value) -> element(xml, name, value, "    "));
        return xml.append("  </").append(action).append("Result>\n  <ResponseMetadata>\n    <RequestId>")
                .append(escape(requestId)).append("</RequestId>\n  </ResponseMetadata>\n</").append(action)
                .append("Response>\n").toString();
    }

    private static void element(StringBuilder xml, Object name, Object value, String indent) {
        xml.append(indent).append('<').append(name).append('>');
        if (value instanceof Map<?, ?> nested) {
            xml.append('\n');
            nested.forEach((inner, text) -> element(xml, inner, text, indent + "  "));
            xml.append(indent);
        } else if (value instanceof List<?> members) {
            xml.append('\n');
            members.forEach(member -> element(xml, "member", member, indent + "  "));
            xml.append(indent);
        } else {
            xml.append(escape(String.valueOf(value)));
        }
        xml.append("</").append(name).append(">\n");
    }

    /** An {@code ErrorResponse}: {@code Sender} for the caller's errors, {@code Receiver} for the server's. */
    public static String error(String namespace, boolean sender, String code, String message, String requestId) {
        return "<ErrorResponse xmlns=\"" + namespace + "\">\n  <Error>\n    <Type>" + (sender ? "Sender" : "Receiver")
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
