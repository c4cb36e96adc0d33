package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.messaging.AfterCommit;
import io.gatehouse.engine.messaging.MailSender;
import io.gatehouse.engine.messaging.MessageTemplate;
import io.gatehouse.engine.messaging.SmsSender;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** Issues a one-time code and sends it, by e-mail or SMS, with the pool's verification message templates. */
@ApplicationScoped
public class CodeSender {

    /** When the message leaves. */
    enum When {
        /** Within the call: a refused delivery fails the call, which writes nothing. */
        NOW,
        /**
         * After the call's transaction commits, in the background: the answer's timing says nothing about whether
         * a message was sent.
         */
        AFTER_COMMIT
    }

    @Inject
    AfterCommit afterCommit;

    @Inject
    VerificationCodes codes;

    @Inject
    MailSender mail;

    @Inject
    SmsSender sms;

    /** Issues a code for {@code purpose} and mails it to {@code email}; runs in the caller's transaction. */
    CodeDelivery email(UserPool pool, UserRecord user, String email, String purpose, Duration validity) {
        return email(pool, user, email, purpose, validity, When.NOW);
    }

    /** Issues a code for {@code purpose} and mails it to {@code email}, {@code when} it says. */
    CodeDelivery email(UserPool pool, UserRecord user, String email, String purpose, Duration validity, When when) {
        String code = codes.issue(pool.id(), user.sub(), purpose, validity);
        JsonNode settings = pool.settings();
        JsonNode template = settings.path("VerificationMessageTemplate");
        String subject = template.path("EmailSubject").asText(
                settings.path("EmailVerificationSubject").asText("Your verification code"));
        String body = template.path("EmailMessage").asText(
                settings.path("EmailVerificationMessage").asText("Your verification code is {####}. "));
        MessageTemplate message = new MessageTemplate(body);
        send(when, () -> mail.send(email, subject, message, code, user.username()));
        return new CodeDelivery(CodeDelivery.maskEmail(email), "EMAIL", "email");
    }

    /** Issues a code for {@code purpose} and texts it to {@code phone}; runs in the caller's transaction. */
    CodeDelivery sms(UserPool pool, UserRecord user, String phone, String purpose, Duration validity) {
        return sms(pool, user, phone, purpose, validity, When.NOW);
    }

    /** Issues a code for {@code purpose} and texts it to {@code phone}, {@code when} it says. */
    CodeDelivery sms(UserPool pool, UserRecord user, String phone, String purpose, Duration validity, When when) {
        String code = codes.issue(pool.id(), user.sub(), purpose, validity);
        JsonNode settings = pool.settings();
        String body = settings.path("VerificationMessageTemplate").path("SmsMessage").asText(
                settings.path("SmsVerificationMessage").asText("Your verification code is {####}. "));
        String text = new MessageTemplate(body).text(code, user.username());
        send(when, () -> sms.send(pool.id(), phone, text, code));
        return new CodeDelivery(CodeDelivery.maskPhone(phone), "SMS", "phone_number");
    }

    private void send(When when, Runnable delivery) {
        if (when == When.NOW) {
            delivery.run();
        } else {
            afterCommit.deliver(delivery);
        }
    }
}
