package io.gatehouse.engine.messaging;

import io.gatehouse.api.message.Channel;
import io.gatehouse.api.trigger.CustomMessageEvent;
import io.gatehouse.api.trigger.CustomMessageResponse;
import io.gatehouse.api.trigger.CustomSenderEvent;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.trigger.CodeEncryption;
import io.gatehouse.engine.trigger.ConfiguredTrigger;
import io.gatehouse.engine.trigger.Triggers;
import io.gatehouse.engine.trigger.calls.CustomMessageCall;
import io.gatehouse.engine.trigger.calls.CustomSenderCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends the messages that carry codes and temporary passwords, with the pool's triggers: a custom sender
 * ({@code CustomEmailSender} / {@code CustomSMSSender}) takes the message over, and the server sends nothing; else
 * the {@code CustomMessage} trigger may write the text, and the server puts the code in and sends it.
 *
 * <p>A custom sender gets the code encrypted ({@link CodeEncryption}) and is invoked as Cognito invokes it,
 * asynchronously: after the call's transaction commits (never if it rolls back), on the managed executor, so the
 * call neither waits for it nor fails with it; the invocation is logged with its outcome as every trigger's is. The
 * CustomMessage trigger runs when the message is composed: within the call when the message leaves within it (a
 * refusal fails the call, which writes nothing), after it when the message leaves after it (a refusal is then
 * logged, and nothing is sent).
 */
@ApplicationScoped
public class CodeMessages {

    private static final Logger LOG = Logger.getLogger(CodeMessages.class.getName());

    @Inject
    Triggers triggers;

    @Inject
    CodeEncryption encryption;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MailSender mail;

    @Inject
    SmsSender sms;

    /**
     * Sends the message: within the call, or after its transaction commits when {@code afterCommit}.
     *
     * @throws ServiceException {@code CodeDeliveryFailureException} when it could not be sent within the call, and
     *                          the CustomMessage trigger's errors
     */
    public void send(CodeMessage message, boolean afterCommit) {
        Optional<ConfiguredTrigger> sender = triggers.configured(message.pool(), message.channel() == Channel.EMAIL
                ? TriggerKind.CUSTOM_EMAIL_SENDER : TriggerKind.CUSTOM_SMS_SENDER);
        if (sender.isPresent()) {
            handOver(message, sender.get());
        } else if (afterCommit) {
            this.afterCommit.deliver(() -> deliver(message, compose(message)));
        } else {
            deliver(message, compose(message));
        }
    }

    /** What is sent: the subject and the text, placeholders still in. */
    record Composed(Optional<String> subject, MessageTemplate text) {
    }

    /**
     * The message as the CustomMessage trigger writes it, if the pool has one; the pool's where it writes none.
     *
     * @throws ServiceException {@code InvalidLambdaResponseException} when the trigger's text lacks a placeholder
     */
    Composed compose(CodeMessage message) {
        Composed pool = new Composed(message.subject(), message.poolMessage());
        Optional<ConfiguredTrigger> trigger = triggers.configured(message.pool(), TriggerKind.CUSTOM_MESSAGE);
        if (trigger.isEmpty()) {
            return pool;
        }
        CustomMessageEvent event = new CustomMessageEvent(triggers.context(message.pool(), trigger.get(),
                "CustomMessage_" + message.source().suffix(), message.username(), message.clientId()),
                message.userAttributes(), MessageTemplate.CODE,
                message.invitation() ? Optional.of(MessageTemplate.USERNAME) : Optional.empty(),
                message.clientMetadata());
        Optional<CustomMessageResponse> written = triggers.run(message.pool(), trigger.get(),
                CustomMessageCall.INSTANCE, event);
        if (written.isEmpty()) {
            return pool;
        }
        return applied(message, written.get());
    }

    /** The trigger's text and subject where it wrote them, checked as Cognito checks them. */
    static Composed applied(CodeMessage message, CustomMessageResponse written) {
        boolean email = message.channel() == Channel.EMAIL;
        Optional<String> text = email ? written.emailMessage() : written.smsMessage();
        String field = email ? "emailMessage" : "smsMessage";
        text.ifPresent(t -> {
            if (!t.contains(MessageTemplate.CODE)) {
                throw invalid(field + " does not hold the code parameter " + MessageTemplate.CODE);
            }
            if (message.invitation() && !t.contains(MessageTemplate.USERNAME)) {
                throw invalid(field + " does not hold the username parameter " + MessageTemplate.USERNAME);
            }
        });
        Optional<String> subject = email ? written.emailSubject().filter(s -> !s.isBlank()).or(message::subject)
                : message.subject();
        return new Composed(subject, text.map(MessageTemplate::new).orElse(message.poolMessage()));
    }

    private static ServiceException invalid(String why) {
        return new ServiceException("InvalidLambdaResponseException", "Unrecognizable lambda output for "
                + TriggerKind.CUSTOM_MESSAGE.configKey() + ": " + why + ".");
    }

    private void deliver(CodeMessage message, Composed composed) {
        if (message.channel() == Channel.EMAIL) {
            mail.send(message.destination(), composed.subject().orElse("Your verification code"), composed.text(),
                    message.code(), message.username());
        } else {
            sms.send(message.pool().id(), message.destination(), composed.text().text(message.code(),
                    message.username()), message.code());
        }
    }

    /**
     * Gives the message to the custom sender after the call commits. The code is encrypted now, so that it is kept in
     * the clear no longer than the call; a key that does not serve (removed from the key set since the pool was
     * saved) fails the call as a delivery would, since the message would otherwise be lost unseen.
     */
    private void handOver(CodeMessage message, ConfiguredTrigger sender) {
        CustomSenderCall call = message.channel() == Channel.EMAIL ? CustomSenderCall.EMAIL : CustomSenderCall.SMS;
        String encrypted;
        try {
            encrypted = encryption.encrypt(message.pool().settings().path("LambdaConfig").path("KMSKeyID").asText(""),
                    message.pool().id(), message.code());
        } catch (IllegalArgumentException e) {
            LOG.warning("The " + call.name() + " trigger of pool " + message.pool().id() + " gets no message: "
                    + "LambdaConfig.KMSKeyID " + e.getMessage());
            throw new ServiceException("CodeDeliveryFailureException", "Unable to deliver the message.");
        }
        CustomSenderEvent event = new CustomSenderEvent(triggers.context(message.pool(), sender,
                call.name() + "_" + message.source().suffix(), message.username(), message.clientId()),
                message.userAttributes(), call.type(), Optional.of(encrypted), message.clientMetadata());
        afterCommit.deliver(() -> {
            try {
                triggers.run(message.pool(), sender, call, event);
            } catch (ServiceException e) {
                // Triggers logged the invocation and its outcome; the call was answered already, as in Cognito.
                LOG.fine(() -> "A " + call.name() + " invocation failed after its call had answered");
            }
        });
    }
}
