package io.gatehouse.api.password;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordSha1Test {

    @Test
    void digestsTheUtf8BytesAsHaveIBeenPwnedPublishesThem() {
        // SHA-1("password"), the corpus's most famous entry.
        PasswordSha1 sha1 = PasswordSha1.of("password");
        assertEquals("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8", sha1.hex());
        assertEquals("5BAA6", sha1.prefix(5));
        assertEquals("1E4C9B93F3F0682250B6CF8331B7EE68FD8", sha1.suffix(5));
        assertEquals(0x5BAA61E4C9B93F3FL, sha1.first64Bits());
        // Exactly as given: another case is another password.
        assertNotEquals(sha1, PasswordSha1.of("Password"));
    }

    @Test
    void showsOnlyAPrefix() {
        assertFalse(PasswordSha1.of("password").toString().contains("1E4C9B93"));
    }

    @Test
    void refusesWhatIsNotADigest() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordSha1("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"));
        assertThrows(IllegalArgumentException.class, () -> new PasswordSha1("5BAA6"));
    }
}
