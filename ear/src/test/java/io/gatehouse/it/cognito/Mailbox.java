package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.gatehouse.it.Gatehouse;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The GreenMail server the test servers deliver to, and reading codes from what it received. */
public final class Mailbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private Mailbox() {
    }

    /** A GreenMail SMTP server on the port the test servers send to. */
    public static GreenMailExtension smtpServer() {
        return new GreenMailExtension(new ServerSetup(Integer.parseInt(Gatehouse.property("gatehouse.it.smtp.port")),
                "127.0.0.1", "smtp"));
    }

    /** The newest mail to {@code address}: delivery happens before the API answers, so it is already here. */
    public static MimeMessage lastMailTo(GreenMailExtension mail, String address) throws MessagingException {
        MimeMessage last = null;
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                last = message;
            }
        }
        assertThat(last).as("a mail to " + address).isNotNull();
        return last;
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
