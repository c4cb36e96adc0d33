package io.gatehouse.providers.mfa.code;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {

    @Test
    void phoneWhenE164ThenOnlyLastFourDigits() {
        assertEquals("+*******1234", Masking.phone("+12065551234"));
        assertEquals("+********0123", Masking.phone("+447700900123"));
        assertEquals("***", Masking.phone("+1234"));
    }

    @Test
    void emailWhenAddressThenFirstCharacterOfEachSide() {
        assertEquals("a***@e***", Masking.email("alice@example.com"));
        assertEquals("***", Masking.email("@example.com"));
        assertEquals("***", Masking.email("alice@"));
        assertEquals("***", Masking.email("no-at-sign"));
    }
}
