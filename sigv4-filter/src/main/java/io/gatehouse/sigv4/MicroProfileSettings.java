package io.gatehouse.sigv4;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;
import java.util.function.Function;

/** MicroProfile Config, when the server has it: loaded only after {@link #available} said so. */
final class MicroProfileSettings {

    private MicroProfileSettings() {
    }

    static boolean available(ClassLoader loader) {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The application's configuration, a setting by name. */
    static Function<String, Optional<String>> of(ClassLoader loader) {
        Config config = ConfigProvider.getConfig(loader);
        return name -> config.getOptionalValue(name, String.class);
    }
}
