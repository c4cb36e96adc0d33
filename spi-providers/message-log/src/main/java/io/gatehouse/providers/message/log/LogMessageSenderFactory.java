package io.gatehouse.providers.message.log;

import io.gatehouse.api.message.MessageSender;
import io.gatehouse.api.message.MessageSenderFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Message sender {@code log}, the default: writes each message to the server log under the logger
 * {@code io.gatehouse.sms-outbox}, with its code or temporary password masked, since it is the SMS sender of
 * every server that has not configured a gateway and logs are copied, shipped and kept. For development, where the
 * code is needed, Liberty's trace specification {@code io.gatehouse.sms-outbox=fine} also writes each message
 * whole, to trace.log only: a deliberate act, where a default must not leak. A production server replaces this
 * sender with a real gateway ({@code gatehouse.sms.sender=<id>}) or switches it off
 * ({@code gatehouse.spi.message-sender.log.enabled=false}).
 */
public class LogMessageSenderFactory implements MessageSenderFactory {

    static final Logger OUTBOX = Logger.getLogger("io.gatehouse.sms-outbox");

    @Override
    public String id() {
        return "log";
    }

    @Override
    public void init(ProviderConfig config) {
        OUTBOX.warning("The 'log' message sender writes SMS messages to the server log, codes and temporary "
                + "passwords masked; it delivers nothing. Use it for development only.");
    }

    @Override
    public MessageSender create(ProviderContext context) {
        return message -> {
            OUTBOX.info("SMS to " + message.destination() + ": " + message.redactedBody());
            if (OUTBOX.isLoggable(Level.FINE)) {
                OUTBOX.fine("SMS to " + message.destination() + ", unmasked: " + message.body());
            }
        };
    }
}
