package io.gatehouse.engine.hostedui;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @Test
    void chooseWhenLangNamesASupportedLanguageThenItWins() {
        assertThat(Languages.choose("ko", List.of(Locale.US))).isEqualTo(Locale.KOREAN);
        assertThat(Languages.choose("EN", List.of(Locale.KOREA))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void chooseWhenNoLangThenTheFirstSupportedAcceptLanguage() {
        assertThat(Languages.choose(null, List.of(Locale.FRANCE, Locale.KOREA, Locale.US))).isEqualTo(Locale.KOREAN);
        assertThat(Languages.choose("fr", List.of(Locale.GERMANY))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void everyKeyWhenEnglishHasItThenKoreanHasItToo() throws Exception {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties korean = new java.util.Properties();
        try (var en = BundleMessages.class.getResourceAsStream("messages.properties");
             var ko = BundleMessages.class.getResourceAsStream("messages_ko.properties")) {
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
            korean.load(new java.io.InputStreamReader(ko, java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(korean.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(BundleMessages.message(Locale.KOREAN, "login.title")).isEqualTo("로그인");
        assertThat(BundleMessages.message(Locale.ENGLISH, "confirm.explain", "a***@e***"))
                .isEqualTo("We sent a code to a***@e***. Enter it below.");
    }
}
