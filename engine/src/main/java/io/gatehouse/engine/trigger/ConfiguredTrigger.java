package io.gatehouse.engine.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.trigger.TriggerKind;

import java.util.Objects;
import java.util.Optional;

/**
 * A trigger a pool's {@code LambdaConfig} names: its target and the event version it gets ({@code "1"}, or
 * {@code "2"}/{@code "3"} for a {@code PreTokenGenerationConfig} of {@code V2_0}/{@code V3_0}).
 */
public record ConfiguredTrigger(TriggerKind kind, TriggerTarget target, String version) {

    public ConfiguredTrigger {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The trigger of this kind in a pool's {@code LambdaConfig}. Pre token generation: {@code PreTokenGenerationConfig}
     * ({@code LambdaArn}, {@code LambdaVersion}) wins over the older {@code PreTokenGeneration}; the custom senders are
     * objects of their own ({@code LambdaArn}).
     *
     * @throws IllegalArgumentException for a target that does not parse (stored before it was checked)
     */
    public static Optional<ConfiguredTrigger> of(JsonNode lambdaConfig, TriggerKind kind) {
        String version = "1";
        JsonNode value = lambdaConfig.path(kind.configKey());
        if (kind == TriggerKind.PRE_TOKEN_GENERATION && lambdaConfig.path("PreTokenGenerationConfig").isObject()) {
            JsonNode config = lambdaConfig.path("PreTokenGenerationConfig");
            value = config.path("LambdaArn");
            version = switch (config.path("LambdaVersion").asText("V1_0")) {
                case "V2_0" -> "2";
                case "V3_0" -> "3";
                default -> "1";
            };
        } else if (kind == TriggerKind.CUSTOM_SMS_SENDER || kind == TriggerKind.CUSTOM_EMAIL_SENDER) {
            value = value.path("LambdaArn");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ConfiguredTrigger(kind, TriggerTarget.parse(value.asText()), version));
    }
}
