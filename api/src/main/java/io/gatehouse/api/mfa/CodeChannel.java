package io.gatehouse.api.mfa;

import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.message.OutboundMessage;

/**
 * Delivers the messages that carry codes to users. The engine routes {@link io.gatehouse.api.message.Channel#SMS}
 * messages to the configured message-sender provider and {@link io.gatehouse.api.message.Channel#EMAIL} messages to
 * its SMTP sender, so an MFA method never needs to know how either is set up.
 *
 * <p>A method marks the code in {@link OutboundMessage#secrets()}, so that no log the message passes shows it.
 */
@FunctionalInterface
public interface CodeChannel {

    /**
     * Sends one message, synchronously.
     *
     * @throws DeliveryException when the message could not be handed over (no SMS sender or SMTP server configured,
     *                           the gateway refused it); the engine answers the call with Cognito's
     *                           {@code CodeDeliveryFailureException} and keeps no challenge
     */
    void send(OutboundMessage message) throws DeliveryException;
}
