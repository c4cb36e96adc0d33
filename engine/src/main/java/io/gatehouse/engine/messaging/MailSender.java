package io.gatehouse.engine.messaging;

import io.gatehouse.engine.error.ServiceException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Sends e-mail through the SMTP server in {@code GATEHOUSE_SMTP_HOST} / {@code _PORT} / {@code _USERNAME} /
 * {@code _PASSWORD} / {@code _FROM}. {@code GATEHOUSE_SMTP_STARTTLS} says how TLS is used: {@code optional} (the
 * default) upgrades with STARTTLS when the server offers it and sends in the clear when it does not;
 * {@code required} sends nothing unless the connection is upgraded, to a server whose certificate names it, so an
 * attacker on the path cannot strip STARTTLS and read codes. Sending happens inside the caller's transaction: if
 * the server refuses the message, the call fails and writes nothing.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    private static final String TIMEOUT_MILLIS = "10000";

    @Inject
    @ConfigProperty(name = "gatehouse.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "gatehouse.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "gatehouse.smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "gatehouse.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "gatehouse.smtp.from", defaultValue = "no-reply@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "gatehouse.smtp.starttls", defaultValue = "optional")
    String startTls;

    private Session session;

    @PostConstruct
    void configure() {
        if (host.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.starttls.enable", "true");
        if (startTlsRequired()) {
            properties.put("mail.smtp.starttls.required", "true");
            // An upgrade to any certificate would let the attacker who strips STARTTLS simply answer it instead.
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        Authenticator authenticator = null;
        if (username.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(username.get(), password.orElse(""));
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
        LOG.info(() -> "E-mail goes through SMTP server " + host.get() + ":" + port
                + (startTlsRequired() ? ", over TLS only (STARTTLS required)" : ", over TLS when it offers STARTTLS"));
    }

    /** {@code required}, or a value that is neither setting: a typo must not quietly send codes in the clear. */
    private boolean startTlsRequired() {
        String setting = startTls.strip().toLowerCase(java.util.Locale.ROOT);
        if (!setting.equals("optional") && !setting.equals("required")) {
            LOG.warning("gatehouse.smtp.starttls is '" + startTls + "', neither 'required' nor 'optional': "
                    + "STARTTLS is required");
        }
        return !setting.equals("optional");
    }

    /**
     * Sends a message made from a pool's template: HTML when the template is HTML, with the values escaped, and
     * plain text otherwise, whatever the values hold.
     *
     * @param code     what stands for {@value MessageTemplate#CODE}: a code or a temporary password
     * @param username what stands for {@value MessageTemplate#USERNAME}
     * @throws ServiceException {@code CodeDeliveryFailureException} when no SMTP server is configured or it
     *                          refuses the message
     */
    public void send(String to, String subject, MessageTemplate template, String code, String username) {
        send(to, subject, template.mailBody(code, username), template.html());
    }

    /**
     * Sends a message whose body is already made (its values escaped where it is HTML).
     *
     * @throws ServiceException {@code CodeDeliveryFailureException} as {@link #send(String, String, MessageTemplate,
     *                          String, String)}
     */
    public void send(String to, String subject, String body, boolean html) {
        if (session == null) {
            throw new ServiceException("CodeDeliveryFailureException",
                    "E-mail delivery is not configured on this server (GATEHOUSE_SMTP_HOST).");
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name(), html ? "html" : "plain");
            Transport.send(message);
        } catch (MessagingException e) {
            // The recipient is personal data and the body holds a code: neither is logged.
            LOG.warning("SMTP delivery failed: " + e.getClass().getSimpleName());
            throw new ServiceException("CodeDeliveryFailureException", "Unable to deliver the message.");
        }
    }
}
