package io.gatehouse.engine.security;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RandomTokensTest {

    @Test
    void urlSafeWhenDrawnManyTimesThenNeverStartsWithADashAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        // Without the redraw, 5,000 tokens all missing a leading '-' would happen about once in 10^34.
        for (int i = 0; i < 5_000; i++) {
            String token = RandomTokens.urlSafe(48);
            assertThat(token).doesNotStartWith("-").matches("[A-Za-z0-9_-]{64}");
            seen.add(token);
        }
        assertThat(seen).hasSize(5_000);
    }
}
