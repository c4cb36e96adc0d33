package io.gatehouse.providers.message.log;

import io.gatehouse.api.message.MessageSender;
import io.gatehouse.api.message.MessageSenderFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;

import java.util.logging.Logger;

/**
 * Message sender {@code log}: writes each message, its code or temporary password included, to the server log
 * under the logger {@code io.gatehouse.sms-outbox}. For development and tests only: a code in a log is a secret in a
 * log. It says so at start, and a production server replaces it with a real gateway
 * ({@code gatehouse.sms.sender=<id>}) or switches it off ({@code gatehouse.spi.message-sender.log.enabled=false}).
 */
public class LogMessageSenderFactory implements MessageSenderFactory {

    static final Logger OUTBOX = Logger.getLogger("io.gatehouse.sms-outbox");

    @Override
    public String id() {
        return "log";
    }

    @Override
    public void init(ProviderConfig config) {
        OUTBOX.warning("The 'log' message sender writes SMS messages, codes included, to the server log. "
                + "Use it for development only.");
    }

    @Override
    public MessageSender create(ProviderContext context) {
        return message -> OUTBOX.info("SMS to " + message.destination() + ": " + message.body());
    }
}
