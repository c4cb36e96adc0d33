package io.gatehouse.engine.plugin;

import io.gatehouse.api.provider.ProviderApi;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.testing.ProviderJarBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery over real provider jars, compiled and packed in the test, loaded by a fresh class loader. */
class ProviderDiscoveryTest {

    @TempDir
    Path dir;

    private final List<String> initialisedWith = new ArrayList<>();

    @Test
    void discoverWhenJarIsSoundThenLoadedWithVersionAndJar() throws Exception {
        Path jar = ProviderJarBuilder.userStore("t.sound", "sound", null).version("3.1.4")
                .build(dir.resolve("sound-3.1.4.jar"));

        ProviderDiscovery.Result result = discover(jar);

        assertThat(result.failures()).isEmpty();
        assertThat(result.loaded()).singleElement().satisfies(p -> {
            assertThat(p.family()).isEqualTo("user-store");
            assertThat(p.id()).isEqualTo("sound");
            assertThat(p.version()).isEqualTo("3.1.4");
            assertThat(p.jar()).isEqualTo("sound-3.1.4.jar");
        });
    }

    @Test
    void discoverWhenInitFailsThenFailureWithTheProvidersMessageAndOthersStillLoad() throws Exception {
        Path broken = ProviderJarBuilder.userStore("t.broken", "broken", "no URL configured")
                .build(dir.resolve("broken.jar"));
        Path sound = ProviderJarBuilder.userStore("t.fine", "fine", null).build(dir.resolve("fine.jar"));

        ProviderDiscovery.Result result = discover(broken, sound);

        assertThat(result.loaded()).extracting(LoadedProvider::id).containsExactly("fine");
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo("broken");
            assertThat(f.jar()).isEqualTo("broken.jar");
            assertThat(f.reason()).isEqualTo("failed to initialise: no URL configured");
        });
    }

    @Test
    void discoverWhenBuiltForOtherApiOrDeclaringNoneThenRefusedWithoutInit() throws Exception {
        Path future = ProviderJarBuilder.userStore("t.future", "future", "init must not run").apiVersion("2.0")
                .build(dir.resolve("future.jar"));
        Path unmarked = ProviderJarBuilder.userStore("t.unmarked", "unmarked", null).apiVersion(null)
                .build(dir.resolve("unmarked.jar"));

        ProviderDiscovery.Result result = discover(future, unmarked);

        assertThat(result.loaded()).isEmpty();
        assertThat(result.failures()).extracting(ProviderFailure::reason).containsExactlyInAnyOrder(
                "refused: built for provider API 2.0, but this server provides API " + ProviderApi.VERSION,
                "refused: the jar declares no Gatehouse-Provider-Api manifest attribute; rebuild it against "
                        + "gatehouse-api " + ProviderApi.VERSION);
    }

    @Test
    void discoverWhenTwoJarsShareAnIdThenSecondRefused() throws Exception {
        Path first = ProviderJarBuilder.userStore("t.first", "same", null).build(dir.resolve("first.jar"));
        Path second = ProviderJarBuilder.userStore("t.second", "same", null).build(dir.resolve("second.jar"));

        ProviderDiscovery.Result result = discover(first, second);

        assertThat(result.loaded()).hasSize(1);
        assertThat(result.failures()).singleElement().satisfies(f ->
                assertThat(f.reason()).startsWith("refused: a provider with id 'same' is already loaded from "));
    }

    @Test
    void discoverWhenServiceEntryNamesMissingClassThenFailureNamesIt() throws Exception {
        Path jar = new ProviderJarBuilder()
                .service(io.gatehouse.api.userstore.UserStoreFactory.class, "t.gone.Missing")
                .build(dir.resolve("gone.jar"));

        ProviderDiscovery.Result result = discover(jar);

        assertThat(result.failures()).singleElement().satisfies(f ->
                assertThat(f.reason()).contains("t.gone.Missing"));
    }

    @Test
    void discoverWhenDisabledThenNeitherLoadedNorFailed() throws Exception {
        Path jar = ProviderJarBuilder.userStore("t.off", "off", "init must not run").build(dir.resolve("off.jar"));

        ProviderDiscovery.Result result = new ProviderDiscovery((spi, id) -> ProviderConfig.empty(),
                (spi, id) -> !"off".equals(id)).discover(loader(jar));

        assertThat(result.loaded()).isEmpty();
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void discoverWhenConfiguredThenFactoryGetsItsOwnOptions() throws Exception {
        Path jar = ProviderJarBuilder.userStore("t.conf", "conf", null).build(dir.resolve("conf.jar"));

        new ProviderDiscovery((spi, id) -> {
            initialisedWith.add(spi.name() + "/" + id);
            return new ProviderConfig(Map.of("url", "ldap://x"));
        }, (spi, id) -> true).discover(loader(jar));

        assertThat(initialisedWith).containsExactly("user-store/conf");
    }

    private ProviderDiscovery.Result discover(Path... jars) throws Exception {
        return new ProviderDiscovery((spi, id) -> ProviderConfig.empty(), (spi, id) -> true).discover(loader(jars));
    }

    private static ClassLoader loader(Path... jars) throws Exception {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, ProviderDiscoveryTest.class.getClassLoader());
    }
}
