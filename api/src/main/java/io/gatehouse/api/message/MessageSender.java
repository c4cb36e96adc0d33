package io.gatehouse.api.message;

import io.gatehouse.api.provider.Provider;

/**
 * Hands messages to a channel: an SMS gateway, a custom e-mail service. The engine sends inside the caller's
 * transaction, so a sender that fails makes the call fail and write nothing.
 */
@FunctionalInterface
public interface MessageSender extends Provider {

    /**
     * Sends one message, synchronously.
     *
     * @throws DeliveryException when the channel refused or could not be reached
     */
    void send(OutboundMessage message) throws DeliveryException;
}
