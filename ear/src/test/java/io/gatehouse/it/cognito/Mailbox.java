package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.gatehouse.it.Gatehouse;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The GreenMail server the test servers deliver to, and reading codes from what it received. */
public final class Mailbox {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private Mailbox() {
    }

    /** A GreenMail SMTP server on the port the test servers send to. */
    public static GreenMailExtension smtpServer() {
        return new GreenMailExtension(new ServerSetup(Integer.parseInt(Gatehouse.property("gatehouse.it.smtp.port")),
                "127.0.0.1", "smtp"));
    }

    /**
     * The newest mail to {@code address}, waiting up to {@link #PATIENCE} for the first one: most calls deliver
     * before they answer, but those that must not tell by their timing whether they sent anything (ForgotPassword,
     * ResendConfirmationCode where the client prevents user existence errors) deliver just after.
     */
    public static MimeMessage lastMailTo(GreenMailExtension mail, String address) throws MessagingException {
        List<MimeMessage> received = awaitMailsTo(mail, address, 1);
        return received.get(received.size() - 1);
    }

    /**
     * The code in the mail to {@code address} that {@code call} sends, waiting up to {@link #PATIENCE} for it:
     * for calls that deliver after they answer to an address that already has mail.
     */
    public static String nextCodeTo(GreenMailExtension mail, String address, Runnable call) throws MessagingException {
        int before = mailsTo(mail, address).size();
        call.run();
        List<MimeMessage> received = awaitMailsTo(mail, address, before + 1);
        return code(received.get(received.size() - 1));
    }

    private static List<MimeMessage> awaitMailsTo(GreenMailExtension mail, String address, int count)
            throws MessagingException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<MimeMessage> received = mailsTo(mail, address);
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            received = mailsTo(mail, address);
        }
        assertThat(received).as(count + " mail(s) to " + address).hasSizeGreaterThanOrEqualTo(count);
        return received;
    }

    private static List<MimeMessage> mailsTo(GreenMailExtension mail, String address) throws MessagingException {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                to.add(message);
            }
        }
        return to;
    }

    /** The six-digit code in a mail. */
    public static String code(MimeMessage mail) {
        Matcher m = CODE.matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).as("a six-digit code in the mail").isTrue();
        return m.group(1);
    }

    /** The code in the newest mail to {@code address}. */
    public static String lastCodeTo(GreenMailExtension mail, String address) throws MessagingException {
        return code(lastMailTo(mail, address));
    }
}
