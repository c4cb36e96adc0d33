package io.gatehouse.it.fuzz;

import io.gatehouse.it.Gatehouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for the requests the JDK's client refuses to send: a request target with broken
 * percent-encoding ({@code %zz}, a lone {@code %}) is not a {@link java.net.URI}, but a client can still send it.
 * One request per connection ({@code Connection: close}), the answer read to its end.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** The answer, or null when none came within {@link ApiWire#PATIENCE}. */
    static Answer send(String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(Gatehouse.ENDPOINT.getHost(), Gatehouse.ENDPOINT.getPort())) {
            socket.setSoTimeout((int) ApiWire.PATIENCE.toMillis());
            StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\n");
            head.append("Host: ").append(Gatehouse.ENDPOINT.getAuthority()).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            byte[] answer;
            try {
                answer = readAll(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                return null;
            }
            return parse(answer);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private static Answer parse(byte[] answer) {
        String all = new String(answer, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        String head = end < 0 ? all : all.substring(0, end);
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < chunked.length) {
            int line = text.indexOf("\r\n", at);
            if (line < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, line).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            int from = line + 2;
            int to = Math.min(chunked.length, from + size);
            out.write(chunked, from, to - from);
            at = to + 2;
        }
        return out.toByteArray();
    }
}
