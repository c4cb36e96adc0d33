package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.gatehouse.it.Gatehouse;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a mail is HTML is the pool's template's choice alone: markup in a user name (anyone picks theirs at
 * sign-up) neither turns a text mail into HTML from the pool's sender nor gets into an HTML mail unescaped.
 * Mail is read from a real SMTP server (GreenMail).
 */
class MailMarkupIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void inviteWhenTextTemplateAndUsernameHasMarkupThenPlainTextMail() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("text-mail")).userPool().id();
        String username = "<a>click-" + UUID.randomUUID().toString().substring(0, 8) + "</a>";
        String email = "markup-" + UUID.randomUUID() + "@example.com";

        invite(pool, username, email, "Temporary-Pass-1");

        MimeMessage mail = Mailbox.lastMailTo(MAIL, email);
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(GreenMailUtil.getBody(mail)).contains(username).contains("Temporary-Pass-1");
    }

    @Test
    void inviteWhenHtmlTemplateThenUsernameAndPasswordEscaped() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("html-mail").adminCreateUserConfig(c -> c
                .inviteMessageTemplate(t -> t.emailSubject("Welcome")
                        .emailMessage("<p>Hello {username}, your temporary password is <b>{####}</b>.</p>"))))
                .userPool().id();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String username = "<img/src=x>" + tag;
        String email = "html-" + tag + "@example.com";

        invite(pool, username, email, "Tmp<&>Pass-1x");

        MimeMessage mail = Mailbox.lastMailTo(MAIL, email);
        assertThat(mail.getContentType()).startsWith("text/html");
        assertThat(GreenMailUtil.getBody(mail)).contains("<p>Hello &lt;img/src=x&gt;" + tag + ",")
                .contains("<b>Tmp&lt;&amp;&gt;Pass-1x</b>").doesNotContain("<img");
    }

    private static void invite(String pool, String username, String email, String password) {
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).temporaryPassword(password)
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
    }
}
