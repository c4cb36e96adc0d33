package io.gatehouse.engine.trigger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerTargetTest {

    @Test
    void lambdaArnWhenValidThenTheFunctionAndItsRegion() {
        TriggerTarget target = TriggerTarget.parse("arn:aws:lambda:eu-west-2:123456789012:function:pre-sign-up:live");

        assertThat(target).isEqualTo(new TriggerTarget.LambdaFunction(
                "arn:aws:lambda:eu-west-2:123456789012:function:pre-sign-up:live", "eu-west-2"));
        assertThat(target.display()).isEqualTo("arn:aws:lambda:eu-west-2:123456789012:function:pre-sign-up:live");
    }

    @Test
    void webhookWhenHttpsOrLoopbackHttpThenAWebhookShownWithoutItsQuery() {
        TriggerTarget https = TriggerTarget.parse("https://hooks.example.com/cognito/pre?token=secret");

        assertThat(https).isEqualTo(new TriggerTarget.Webhook(URI.create(
                "https://hooks.example.com/cognito/pre?token=secret")));
        assertThat(https.display()).isEqualTo("https://hooks.example.com/cognito/pre");
        assertThat(TriggerTarget.parse("http://127.0.0.1:8080/hook")).isInstanceOf(TriggerTarget.Webhook.class);
        assertThat(TriggerTarget.parse("http://localhost/hook")).isInstanceOf(TriggerTarget.Webhook.class);
        assertThat(TriggerTarget.parse("http://[::1]:9000/hook")).isInstanceOf(TriggerTarget.Webhook.class);
    }

    @Test
    void javaProviderWhenAnIdThenTheProvider() {
        assertThat(TriggerTarget.parse("java:email-domain")).isEqualTo(new TriggerTarget.JavaProvider("email-domain"));
        assertThat(TriggerTarget.parse("java:email-domain").display()).isEqualTo("java:email-domain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:lambda:us-east-1:12345:function:short-account",
            "arn:aws:s3:::bucket", "http://hooks.example.com/pre", "http://10.0.0.8/pre",
            "https://user:pass@hooks.example.com/pre", "https://hooks.example.com/pre#part", "ftp://example.com/x",
            "java:", "java:Upper_Case", "java:../../etc", "not a target", "mailto:ops@example.com"})
    void parseWhenNotOneOfTheThreeFormsThenRefusedWithAReason(String value) {
        assertThatThrownBy(() -> TriggerTarget.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(is|does) .+");
    }
}
