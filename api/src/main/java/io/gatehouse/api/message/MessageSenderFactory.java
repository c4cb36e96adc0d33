package io.gatehouse.api.message;

import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link MessageSender}s. List implementations in
 * {@code META-INF/services/io.gatehouse.api.message.MessageSenderFactory}.
 */
public interface MessageSenderFactory extends ProviderFactory<MessageSender> {
}
