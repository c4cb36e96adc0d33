package io.gatehouse.engine.mfa;

import io.gatehouse.api.message.Channel;
import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.message.OutboundMessage;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.mfa.MfaStateException;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.mfa.SecretSealer;
import io.gatehouse.api.provider.Spi;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.messaging.CodeMessage;
import io.gatehouse.engine.messaging.CodeMessages;
import io.gatehouse.engine.messaging.MailSender;
import io.gatehouse.engine.messaging.MessageTemplate;
import io.gatehouse.engine.messaging.SmsSender;
import io.gatehouse.engine.plugin.ProviderRegistry;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealedValueException;
import io.gatehouse.engine.trigger.UserAttributes;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The MFA methods the server's {@code mfa-method} providers offer, by name, each made for one pool's work with
 * what the engine lends it: the data key to seal its states, the SMS and mail senders to send its codes.
 */
@ApplicationScoped
public class MfaMethods {

    @Inject
    ProviderRegistry registry;

    @Inject
    DataKey dataKey;

    @Inject
    MailSender mail;

    @Inject
    SmsSender sms;

    @Inject
    CodeMessages codeMessages;

    @Inject
    Clock clock;

    private volatile Map<String, MfaMethodFactory> byName;

    /** Whether a provider offers a method of this name. */
    public boolean exists(String name) {
        return factories().containsKey(name);
    }

    /**
     * The method {@code name}, made for {@code pool}'s work.
     *
     * @throws ServiceException {@code MFAMethodNotFoundException} when no provider offers it
     */
    public MfaMethod named(UserPool pool, String name) {
        MfaMethodFactory factory = factories().get(name);
        if (factory == null) {
            throw new ServiceException("MFAMethodNotFoundException", "No MFA method " + name + " on this server.");
        }
        return factory.create(context(Optional.of(pool.id())));
    }

    /**
     * The method {@code name}, made to send its codes to {@code user} for a sign-in through {@code clientId}: its
     * messages go through the pool's CustomMessage trigger ({@code CustomMessage_Authentication}) or custom sender
     * ({@code CustomEmailSender_Authentication}, {@code CustomSMSSender_Authentication}) where it has one.
     *
     * @throws ServiceException {@code MFAMethodNotFoundException} when no provider offers it
     */
    public MfaMethod named(UserPool pool, String name, UserRecord user, Optional<String> clientId) {
        MfaMethodFactory factory = factories().get(name);
        if (factory == null) {
            throw new ServiceException("MFAMethodNotFoundException", "No MFA method " + name + " on this server.");
        }
        return factory.create(MfaMethodContext.of(Optional.of(pool.id()), clock, new Sealer(dataKey),
                message -> send(pool, user, clientId, message)));
    }

    /** The user as the method sees them. */
    public static MfaUser user(UserPool pool, UserRecord user) {
        return new MfaUser(pool.id(), user.sub(), user.username(), user.attributes());
    }

    /** Cognito's answer to a state that does not open: the session or enrolment is no longer good. */
    public static ServiceException unreadable(MfaStateException e) {
        return new ServiceException("NotAuthorizedException", "Invalid session for the user, session is expired.");
    }

    /** The factories by the name of the method each makes: learnt once, from a method each makes. */
    private Map<String, MfaMethodFactory> factories() {
        Map<String, MfaMethodFactory> known = byName;
        if (known == null) {
            known = new HashMap<>();
            for (MfaMethodFactory factory : registry.factories(Spi.MFA_METHOD, MfaMethodFactory.class)) {
                try (MfaMethod method = factory.create(context(Optional.empty()))) {
                    known.putIfAbsent(method.name(), factory);
                }
            }
            byName = known;
        }
        return known;
    }

    private MfaMethodContext context(Optional<String> userPoolId) {
        return MfaMethodContext.of(userPoolId, clock, new Sealer(dataKey),
                message -> send(userPoolId.orElse(""), message));
    }

    /** Hands a method's message to the SMS or mail sender. */
    private void send(String userPoolId, OutboundMessage message) throws DeliveryException {
        try {
            if (message.channel() == Channel.SMS) {
                sms.send(userPoolId, message.destination(), message.body(),
                        message.secrets().isEmpty() ? "" : message.secrets().get(0));
            } else {
                // The method wrote the whole text: nothing is left to put in, and it is no HTML template.
                mail.send(message.destination(), message.subject().orElse("Your code"),
                        new MessageTemplate(message.body()), "", "");
            }
        } catch (ServiceException e) {
            throw new DeliveryException("the " + message.channel() + " sender refused the message");
        }
    }

    /**
     * Hands a sign-in's code message to the pool's triggers and senders. The method wrote the pool's text with the
     * code in; a CustomMessage trigger's text gets the code put in here. A trigger's error is the sign-in's.
     */
    private void send(UserPool pool, UserRecord user, Optional<String> clientId, OutboundMessage message)
            throws DeliveryException {
        String code = message.secrets().isEmpty() ? "" : message.secrets().get(0);
        try {
            codeMessages.send(CodeMessage.of(pool, new CodeMessage.Origin(CodeMessage.Source.AUTHENTICATION, clientId,
                    Map.of()), user.username(), UserAttributes.of(user), message.channel(), message.destination(),
                    message.channel() == Channel.EMAIL ? Optional.of(message.subject().orElse("Your code"))
                            : Optional.empty(), new MessageTemplate(message.body()), code), false);
        } catch (ServiceException e) {
            if (!"CodeDeliveryFailureException".equals(e.type())) {
                throw e;
            }
            throw new DeliveryException("the " + message.channel() + " sender refused the message");
        }
    }

    /** Seals methods' states with the data key, each bound to its context. */
    private record Sealer(DataKey dataKey) implements SecretSealer {
        private static final String PREFIX = "mfa-method\u0000";

        @Override
        public String seal(String plain, String context) {
            return dataKey.sealText(plain, PREFIX + context);
        }

        @Override
        public String open(String sealed, String context) {
            try {
                return dataKey.openText(sealed, PREFIX + context);
            } catch (SealedValueException e) {
                throw new MfaStateException("the state does not open for " + context);
            }
        }
    }
}
