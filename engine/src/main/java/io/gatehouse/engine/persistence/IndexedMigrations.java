package io.gatehouse.engine.persistence;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The migration scripts, named by an index file rather than found by scanning: Liberty's class loaders do not
 * list class-path directories, so Flyway's scanner finds nothing inside the application. A unit test keeps the
 * index equal to the folder's contents.
 */
final class IndexedMigrations implements ResourceProvider {

    static final String FOLDER = "db/migration/";
    static final String INDEX = FOLDER + "index.txt";

    private final ClassLoader classLoader;
    private final List<String> names;

    IndexedMigrations(ClassLoader classLoader) {
        this.classLoader = classLoader;
        this.names = readIndex(classLoader);
    }

    @Override
    public LoadableResource getResource(String name) {
        String file = name.startsWith(FOLDER) ? name.substring(FOLDER.length()) : name;
        return names.contains(file) ? new Migration(file) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> matches = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith)) {
                matches.add(new Migration(name));
            }
        }
        return matches;
    }

    /** The file names the index lists. */
    List<String> names() {
        return names;
    }

    private static List<String> readIndex(ClassLoader classLoader) {
        InputStream in = classLoader.getResourceAsStream(INDEX);
        if (in == null) {
            throw new IllegalStateException(INDEX + " is missing from the application");
        }
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(names);
    }

    private final class Migration extends LoadableResource {
        private final String name;

        Migration(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = classLoader.getResourceAsStream(FOLDER + name);
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is in the index but not in the application");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
