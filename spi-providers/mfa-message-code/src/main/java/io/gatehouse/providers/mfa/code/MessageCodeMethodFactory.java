package io.gatehouse.providers.mfa.code;

import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import java.util.Optional;

/**
 * The factory of a method that sends codes: reads the options ({@link CodeOptions}) against the method's default
 * message and subject, and makes {@link MessageCodeMethod}s. A subclass names its medium and defaults.
 */
public abstract class MessageCodeMethodFactory implements MfaMethodFactory {

    private final CodeMedium medium;
    private final String defaultMessage;
    private final Optional<String> defaultSubject;
    private volatile CodeOptions options;

    /**
     * @param defaultMessage the message when neither the pool nor the options give one
     * @param defaultSubject the e-mail subject likewise; empty for a medium without subjects
     */
    protected MessageCodeMethodFactory(CodeMedium medium, String defaultMessage, Optional<String> defaultSubject) {
        this.medium = medium;
        this.defaultMessage = defaultMessage;
        this.defaultSubject = defaultSubject;
    }

    @Override
    public final String id() {
        return medium.id();
    }

    @Override
    public final void init(ProviderConfig config) throws ProviderInitializationException {
        options = CodeOptions.read(config, defaultMessage, defaultSubject);
    }

    @Override
    public final MfaMethod create(MfaMethodContext context) {
        if (options == null) {
            throw new IllegalStateException(medium.id() + " was not initialised");
        }
        return new MessageCodeMethod(context, medium, options);
    }
}
