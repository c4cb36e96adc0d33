package io.gatehouse.engine.messaging;

import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GATEHOUSE_SMTP_STARTTLS against a real SMTP conversation: a small SMTP server on a socket that, like a server
 * whose STARTTLS an attacker on the path has stripped, does not offer it.
 */
class MailSenderTest {

    private ServerSocket server;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final StringBuilder data = new StringBuilder();
    private Thread serving;

    @BeforeEach
    void plainSmtpServer() throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        serving = new Thread(this::serve, "plain-smtp");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        serving.join(5000);
    }

    @Test
    void sendWhenStartTlsRequiredAndNotOfferedThenNothingSentInTheClear() {
        MailSender mail = sender("required");

        assertThatThrownBy(() -> mail.send("to@example.com", "Code", new MessageTemplate("Code {####}"), "123456",
                "alice")).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.type()).isEqualTo("CodeDeliveryFailureException"));
        assertThat(commands).anyMatch(c -> c.startsWith("EHLO")).noneMatch(c -> c.startsWith("MAIL FROM"));
        assertThat(data.toString()).doesNotContain("123456");
    }

    @Test
    void sendWhenStartTlsSettingUnknownThenRequired() {
        MailSender mail = sender("requried");

        assertThatThrownBy(() -> mail.send("to@example.com", "Code", new MessageTemplate("Code {####}"), "123456",
                "alice")).isInstanceOf(ServiceException.class);
        assertThat(commands).noneMatch(c -> c.startsWith("MAIL FROM"));
    }

    @Test
    void sendWhenStartTlsOptionalAndNotOfferedThenSentAsTodayAndTextStaysText() throws Exception {
        MailSender mail = sender("optional");

        mail.send("to@example.com", "Code", new MessageTemplate("Hello {username}, code {####}"), "123456",
                "<b>alice</b>");

        assertThat(commands).anyMatch(c -> c.startsWith("MAIL FROM"));
        String message = data.toString();
        assertThat(message).contains("Content-Type: text/plain").contains("Hello <b>alice</b>, code 123456");
    }

    private MailSender sender(String startTls) {
        MailSender mail = new MailSender();
        mail.host = Optional.of("127.0.0.1");
        mail.port = server.getLocalPort();
        mail.username = Optional.empty();
        mail.password = Optional.empty();
        mail.from = "gatehouse@example.com";
        mail.startTls = startTls;
        mail.configure();
        return mail;
    }

    /** Speaks just enough SMTP for one client at a time, offering no STARTTLS, and records what it is told. */
    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.UTF_8));
                 OutputStream out = client.getOutputStream()) {
                reply(out, "220 plain.example ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    commands.add(line);
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
                    switch (verb) {
                        case "EHLO" -> reply(out, "250-plain.example\r\n250 8BITMIME");
                        case "DATA" -> {
                            reply(out, "354 go on");
                            for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                                synchronized (data) {
                                    data.append(d).append('\n');
                                }
                            }
                            reply(out, "250 queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
