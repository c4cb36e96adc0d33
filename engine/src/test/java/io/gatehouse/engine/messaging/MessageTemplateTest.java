package io.gatehouse.engine.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTemplateTest {

    @Test
    void htmlWhenOnlyTheValuesHoldMarkupThenNot() {
        MessageTemplate text = new MessageTemplate("Your username is {username} and your code is {####}.");

        assertThat(text.html()).isFalse();
        assertThat(text.mailBody("123456", "<a href=x>me</a>"))
                .isEqualTo("Your username is <a href=x>me</a> and your code is 123456.");
    }

    @Test
    void mailBodyWhenTemplateIsHtmlThenValuesEscaped() {
        MessageTemplate html = new MessageTemplate("<p>Hi {username}: <b>{####}</b></p>");

        assertThat(html.html()).isTrue();
        assertThat(html.mailBody("A<&>\"'1", "<script>x</script>"))
                .isEqualTo("<p>Hi &lt;script&gt;x&lt;/script&gt;: <b>A&lt;&amp;&gt;&quot;&#39;1</b></p>");
        assertThat(html.text("1", "<i>")).as("an SMS is never HTML").isEqualTo("<p>Hi <i>: <b>1</b></p>");
    }

    @Test
    void renderWhenAValueHoldsAPlaceholderThenItStaysAsIs() {
        MessageTemplate template = new MessageTemplate("{username} / {####}");

        assertThat(template.text("Secret-1", "{####}")).isEqualTo("{####} / Secret-1");
        assertThat(template.text("$1\\x", "a")).isEqualTo("a / $1\\x");
    }
}
