package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.engine.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks a pool's {@code LambdaConfig} on CreateUserPool and UpdateUserPool: every trigger names a target Gatehouse
 * can run (a Lambda ARN, a webhook URL, or an installed Java trigger provider that implements that trigger), so a
 * mistake shows when the pool is saved, not when a user signs up.
 */
@ApplicationScoped
public class LambdaConfigRules {

    @Inject
    JavaRuntime java;

    @Inject
    WebhookRuntime webhooks;

    @Inject
    CodeEncryption codeEncryption;

    /**
     * @throws ServiceException {@code InvalidParameterException} naming the member and what is wrong
     */
    public void check(JsonNode lambdaConfig) {
        if (lambdaConfig == null || lambdaConfig.isMissingNode() || lambdaConfig.isNull()) {
            return;
        }
        for (TriggerKind kind : TriggerKind.values()) {
            ConfiguredTrigger trigger;
            try {
                trigger = ConfiguredTrigger.of(lambdaConfig, kind).orElse(null);
            } catch (IllegalArgumentException e) {
                throw ServiceException.invalidParameter("LambdaConfig." + member(lambdaConfig, kind) + " "
                        + e.getMessage() + ".");
            }
            if (trigger == null) {
                continue;
            }
            if (trigger.target() instanceof TriggerTarget.JavaProvider provider
                    && !java.implementsTrigger(provider.providerId(), kind)) {
                throw ServiceException.invalidParameter("LambdaConfig." + member(lambdaConfig, kind) + ": no trigger "
                        + "provider java:" + provider.providerId() + " that implements " + kind.configKey()
                        + " is installed.");
            }
            if (trigger.target() instanceof TriggerTarget.Webhook && !webhooks.configured()) {
                throw ServiceException.invalidParameter("LambdaConfig." + member(lambdaConfig, kind) + " is a "
                        + "webhook, and this server signs webhook requests with gatehouse.trigger.webhook-secret, "
                        + "which is not set.");
            }
        }
        checkSenderKey(lambdaConfig);
    }

    /** A custom sender needs the key its codes are encrypted for ({@link CodeEncryption}), as in Cognito. */
    private void checkSenderKey(JsonNode lambdaConfig) {
        boolean sender = ConfiguredTrigger.of(lambdaConfig, TriggerKind.CUSTOM_EMAIL_SENDER).isPresent()
                || ConfiguredTrigger.of(lambdaConfig, TriggerKind.CUSTOM_SMS_SENDER).isPresent();
        if (!sender) {
            return;
        }
        try {
            codeEncryption.key(lambdaConfig.path("KMSKeyID").asText(""));
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidParameter("LambdaConfig.KMSKeyID " + e.getMessage() + ".");
        }
    }

    private static String member(JsonNode lambdaConfig, TriggerKind kind) {
        if (kind == TriggerKind.PRE_TOKEN_GENERATION && lambdaConfig.path("PreTokenGenerationConfig").isObject()) {
            return "PreTokenGenerationConfig.LambdaArn";
        }
        if (kind == TriggerKind.CUSTOM_SMS_SENDER || kind == TriggerKind.CUSTOM_EMAIL_SENDER) {
            return kind.configKey() + ".LambdaArn";
        }
        return kind.configKey();
    }
}
