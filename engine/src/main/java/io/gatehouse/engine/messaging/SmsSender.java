package io.gatehouse.engine.messaging;

import io.gatehouse.api.message.Channel;
import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.message.MessageSender;
import io.gatehouse.api.message.MessageSenderFactory;
import io.gatehouse.api.message.OutboundMessage;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.Spi;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.plugin.ProviderRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sends text messages through the message-sender provider named by {@code gatehouse.sms.sender} (default
 * {@code log}, the development sender that writes to the server log with the secret masked), inside the caller's
 * transaction.
 */
@ApplicationScoped
public class SmsSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class.getName());

    @Inject
    ProviderRegistry registry;

    @Inject
    @ConfigProperty(name = "gatehouse.sms.sender", defaultValue = "log")
    String senderId;

    @Inject
    Clock clock;

    /**
     * Sends {@code body} to {@code phoneNumber} for a user of {@code userPoolId}.
     *
     * @param secret the code or temporary password in the body, which senders that log must not write
     * @throws ServiceException {@code CodeDeliveryFailureException} when no sender is loaded or it fails
     */
    public void send(String userPoolId, String phoneNumber, String body, String secret) {
        MessageSenderFactory factory = registry.factory(Spi.MESSAGE_SENDER, senderId, MessageSenderFactory.class)
                .orElseThrow(() -> new ServiceException("CodeDeliveryFailureException",
                        "No SMS sender is available on this server."));
        try (MessageSender sender = factory.create(ProviderContext.of(Optional.of(userPoolId), clock))) {
            sender.send(new OutboundMessage(Channel.SMS, phoneNumber, Optional.empty(), body,
                    List.of(secret)));
        } catch (DeliveryException e) {
            // The body holds a code and the number is personal data: only the failure is logged.
            LOG.warning("SMS delivery through '" + senderId + "' failed: " + e.getMessage());
            throw new ServiceException("CodeDeliveryFailureException", "Unable to deliver the message.");
        }
    }
}
