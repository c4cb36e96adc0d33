package io.gatehouse.engine.uicustomization;

import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** What {@link CustomCss} and {@link LogoType} accept from SetUICustomization, and what they refuse. */
class UiCustomizationRulesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16};

    @Test
    void cssWhenCognitoTemplateRulesThenAccepted() {
        String css = """
                /* Cognito's template, in part */
                .logo-customizable { max-width: 60%; max-height: 30%; }
                .banner-customizable { padding: 25px 0px 25px 0px; background-color: rgba(30, 40, 50, 0.8); }
                .submitButton-customizable:hover { color: #fff; background-color: hsl(210, 50%, 40%); }
                .background-customizable { background: linear-gradient(90deg, #fafafa, #eee); }
                .inputField-customizable:focus { border-color: var(--accent, #0af); width: calc(100% - 2px); }
                """;

        assertThat(CustomCss.parse(css).text()).isEqualTo(css);
    }

    @Test
    void cssWhenItCouldLoadRunOrBreakOutThenInvalidParameterNamingIt() {
        Map<String, String> refused = Map.of(
                "@import url(https://evil.example/x.css);", "@import",
                ".a { color: red } @font-face { font-family: x }", "@font-face",
                ".logo-customizable { background: url(https://evil.example/x.png) }", "url()",
                ".logo-customizable { background: URL (https://evil.example/x.png) }", "url()",
                ".a { background-image: image-set(\"https://evil.example/x.png\" 1x) }", "image-set()",
                ".a { width: expression(alert(1)) }", "expression()",
                ".a { color: red } </style><script>alert(1)</script>", "'<'",
                ".a { background: u\\72l(https://evil.example/x.png) }", "backslash");

        refused.forEach((css, named) -> assertThatThrownBy(() -> CustomCss.parse(css))
                .as(css)
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining(named)
                .extracting(e -> ((ServiceException) e).type()).isEqualTo("InvalidParameterException"));
    }

    @Test
    void cssWhenLongerThanTheModelAllowsThenInvalidParameter() {
        String css = "a".repeat(CustomCss.MAX_CHARS + 1);

        assertThatThrownBy(() -> CustomCss.parse(css)).isInstanceOf(ServiceException.class)
                .hasMessageContaining(String.valueOf(CustomCss.MAX_CHARS));
        assertThat(CustomCss.parse("a".repeat(CustomCss.MAX_CHARS)).text()).hasSize(CustomCss.MAX_CHARS);
    }

    @Test
    void cssWhenLongestAllowedThenCheckedInLinearTime() {
        int half = CustomCss.MAX_CHARS / 2;
        for (String css : new String[]{"a".repeat(CustomCss.MAX_CHARS), "a" + " ".repeat(half) + "b".repeat(half - 1),
                "-".repeat(CustomCss.MAX_CHARS), "rgb(".repeat(CustomCss.MAX_CHARS / 4)}) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> CustomCss.parse(css));
        }
    }

    @Test
    void logoWhenPngOrJpegByItsBytesThenItsContentType() {
        assertThat(LogoType.of(PNG)).isEqualTo(LogoType.PNG);
        assertThat(LogoType.PNG.contentType()).isEqualTo("image/png");
        assertThat(LogoType.of(JPEG)).isEqualTo(LogoType.JPEG);
        assertThat(LogoType.JPEG.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void logoWhenAnyOtherFileThenInvalidParameter() {
        for (byte[] file : new byte[][]{
                "GIF89a".getBytes(StandardCharsets.US_ASCII),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(PNG, 4)}) {
            assertThatThrownBy(() -> LogoType.of(file)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("PNG or JPEG");
        }
    }

    @Test
    void logoWhenOver100KilobytesThenInvalidParameter() {
        byte[] big = Arrays.copyOf(PNG, LogoType.MAX_BYTES + 1);

        assertThatThrownBy(() -> LogoType.of(big)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("100 KB");
        assertThat(LogoType.of(Arrays.copyOf(PNG, LogoType.MAX_BYTES))).isEqualTo(LogoType.PNG);
    }

    @Test
    void customizationWhenLogoChangedOutsideThenUnchangedAndEqualByContent() {
        byte[] logo = PNG.clone();
        UiCustomization customization = new UiCustomization("us-east-1_a", "ALL", null, logo, "image/png", 1, 2);

        logo[0] = 0;
        customization.image()[1] = 0;

        assertThat(customization.image()).isEqualTo(PNG);
        assertThat(customization).isEqualTo(new UiCustomization("us-east-1_a", "ALL", null, PNG, "image/png", 1, 2))
                .hasSameHashCodeAs(new UiCustomization("us-east-1_a", "ALL", null, PNG, "image/png", 1, 2));
        assertThat(customization.toString()).contains("image/png " + PNG.length + " bytes");
        assertThat(customization.poolWide()).isTrue();
    }

    @Test
    void pathsWhenSetThenRelativeAndVersionedByTheLastChange() {
        UiCustomization both = new UiCustomization("us-east-1_a", "ALL", ".a{}", PNG, "image/png", 1, 2);
        UiCustomization cssOnly = new UiCustomization("us-east-1_a", "client1", ".a{}", null, null, 1, 3);

        assertThat(both.logoPath()).hasValue("/ui-customization/us-east-1_a/ALL/logo?v=2");
        assertThat(both.cssPath()).hasValue("/ui-customization/us-east-1_a/ALL/css?v=2");
        assertThat(cssOnly.logoPath()).isEmpty();
        assertThat(cssOnly.cssPath()).hasValue("/ui-customization/us-east-1_a/client1/css?v=3");
    }
}
