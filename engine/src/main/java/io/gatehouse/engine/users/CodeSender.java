package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.message.Channel;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.messaging.CodeMessage;
import io.gatehouse.engine.messaging.CodeMessages;
import io.gatehouse.engine.messaging.MessageTemplate;
import io.gatehouse.engine.trigger.UserAttributes;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/**
 * Issues a one-time code and sends it, by e-mail or SMS, with the pool's verification message templates, through
 * the pool's CustomMessage or custom sender trigger where it has one ({@link CodeMessages}).
 */
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
    VerificationCodes codes;

    @Inject
    CodeMessages messages;

    /** Issues a code for {@code purpose} and mails it to {@code email}, {@code when} it says. */
    CodeDelivery email(UserPool pool, UserRecord user, String email, String purpose, Duration validity, When when,
                       CodeMessage.Origin origin) {
        String code = codes.issue(pool.id(), user.sub(), purpose, validity);
        JsonNode settings = pool.settings();
        JsonNode template = settings.path("VerificationMessageTemplate");
        String subject = template.path("EmailSubject").asText(
                settings.path("EmailVerificationSubject").asText("Your verification code"));
        String body = template.path("EmailMessage").asText(
                settings.path("EmailVerificationMessage").asText("Your verification code is {####}. "));
        messages.send(CodeMessage.of(pool, origin, user.username(), UserAttributes.of(user), Channel.EMAIL, email,
                Optional.of(subject), new MessageTemplate(body), code), when == When.AFTER_COMMIT);
        return new CodeDelivery(CodeDelivery.maskEmail(email), "EMAIL", "email");
    }

    /** Issues a code for {@code purpose} and texts it to {@code phone}, {@code when} it says. */
    CodeDelivery sms(UserPool pool, UserRecord user, String phone, String purpose, Duration validity, When when,
                     CodeMessage.Origin origin) {
        String code = codes.issue(pool.id(), user.sub(), purpose, validity);
        JsonNode settings = pool.settings();
        String body = settings.path("VerificationMessageTemplate").path("SmsMessage").asText(
                settings.path("SmsVerificationMessage").asText("Your verification code is {####}. "));
        messages.send(CodeMessage.of(pool, origin, user.username(), UserAttributes.of(user), Channel.SMS, phone,
                Optional.empty(), new MessageTemplate(body), code), when == When.AFTER_COMMIT);
        return new CodeDelivery(CodeDelivery.maskPhone(phone), "SMS", "phone_number");
    }
}
