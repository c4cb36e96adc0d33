package io.gatehouse.api.provider;

import io.gatehouse.api.credentials.CredentialsBrokerFactory;
import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.message.MessageSenderFactory;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.password.BreachedPasswordCheckFactory;
import io.gatehouse.api.trigger.TriggerProviderFactory;
import io.gatehouse.api.userstore.UserStoreFactory;

import java.util.List;
import java.util.Objects;

/**
 * One family of providers: its name as operators see it ({@code user-store}) and the factory interface that
 * providers of the family implement and list in {@code META-INF/services}.
 *
 * @param name        lower-case family name, used in configuration keys {@code gatehouse.spi.<name>.*}
 * @param factoryType the factory interface
 */
public record Spi(String name, Class<? extends ProviderFactory<?>> factoryType) {

    /** Users and their credentials, one store per user pool. */
    public static final Spi USER_STORE = new Spi("user-store", UserStoreFactory.class);

    /** Channels that carry codes and invitations to users (SMS today). */
    public static final Spi MESSAGE_SENDER = new Spi("message-sender", MessageSenderFactory.class);

    /** Second factors for sign-in (TOTP, SMS and e-mail codes), one provider per factor. Since API 1.2. */
    public static final Spi MFA_METHOD = new Spi("mfa-method", MfaMethodFactory.class);

    /** Identity provider types a pool signs users in through (OIDC, social, SAML). Since API 1.3. */
    public static final Spi FEDERATION = new Spi("federation", FederationProviderFactory.class);

    /** Trigger code in Java that a pool's LambdaConfig names as {@code java:<id>}. Since API 1.5. */
    public static final Spi TRIGGER = new Spi("trigger", TriggerProviderFactory.class);

    /** Sources of breached passwords besides the built-in offline corpus (a k-anonymity range API). Since API 1.6. */
    public static final Spi BREACHED_PASSWORD = new Spi("breached-password", BreachedPasswordCheckFactory.class);

    /** What turns an identity pool's identity and role into temporary credentials. Since API 1.7. */
    public static final Spi CREDENTIALS_BROKER = new Spi("credentials-broker", CredentialsBrokerFactory.class);

    public Spi {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factoryType, "factoryType");
    }

    /** Every family this version of the API defines, in the order the engine initialises them. */
    public static List<Spi> all() {
        return List.of(USER_STORE, MESSAGE_SENDER, MFA_METHOD, FEDERATION, TRIGGER, BREACHED_PASSWORD,
                CREDENTIALS_BROKER);
    }
}
