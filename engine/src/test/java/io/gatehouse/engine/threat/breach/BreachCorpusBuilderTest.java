package io.gatehouse.engine.threat.breach;

import io.gatehouse.api.password.PasswordSha1;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The build step that turns a password list into the corpus file. */
class BreachCorpusBuilderTest {

    @TempDir
    Path dir;

    @Test
    void takesTheFirstDistinctPasswordsAsGivenAndWritesTheirPrefixes() throws Exception {
        Path list = Files.writeString(dir.resolve("list.txt"), "123456\r\npassword\n\n123456\nPassword\nqwerty\n");
        Path out = dir.resolve("out/corpus.bin");

        BreachCorpusBuilder.main(new String[]{list.toString(), "3", out.toString()});

        assertThat(BreachCorpusBuilder.firstPasswords(list, 3)).containsExactly("123456", "password", "Password");
        try (InputStream in = Files.newInputStream(out)) {
            OfflineBreachCorpus corpus = OfflineBreachCorpus.read(in);
            assertThat(corpus.size()).isEqualTo(3);
            assertThat(corpus.contains(PasswordSha1.of("Password"))).isTrue();
            assertThat(corpus.contains(PasswordSha1.of("qwerty"))).as("past the count").isFalse();
        }
    }

    @Test
    void refusesAListShorterThanAsked() throws Exception {
        Path list = Files.writeString(dir.resolve("short.txt"), "a\nb\n");
        assertThatThrownBy(() -> BreachCorpusBuilder.main(new String[]{list.toString(), "3",
                dir.resolve("x.bin").toString()})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2 distinct passwords");
    }
}
