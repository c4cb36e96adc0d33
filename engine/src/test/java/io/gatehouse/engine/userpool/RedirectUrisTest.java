package io.gatehouse.engine.userpool;

import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedirectUrisTest {

    @Test
    void checkWhenHttpsLoopbackOrAppSchemeThenAccepted() {
        for (String url : List.of("https://app.example.com/cb?x=1", "http://localhost:3000/cb",
                "http://127.0.0.1/cb", "http://[::1]:8080/", "myapp://callback", "com.example.app://oauth")) {
            assertThatCode(() -> RedirectUris.check("CallbackURLs", url)).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void checkWhenABrowserWouldRunItOrItIsNotAbsoluteThenRefused() {
        for (String url : List.of("javascript:alert(1)", "data:text/html,x", "JAVASCRIPT://x/%0aalert(1)",
                "http://app.example.com/cb", "https://app.example.com/cb#frag", "/cb", "app/cb", "https:///cb",
                "https://a/cb|x", "mailto:a@example.com", "https://user:pw@app.example.com/cb")) {
            assertThatThrownBy(() -> RedirectUris.check("CallbackURLs", url)).as(url)
                    .isInstanceOf(ServiceException.class).hasMessageContaining("CallbackURLs");
        }
    }
}
