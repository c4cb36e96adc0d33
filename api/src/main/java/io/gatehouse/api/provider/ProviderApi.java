package io.gatehouse.api.provider;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the provider contract, and the rule that decides whether a provider jar built for one version
 * may run on this one.
 *
 * <p>A provider jar declares the version it was compiled against in its {@code META-INF/MANIFEST.MF} as
 * {@value #MANIFEST_ATTRIBUTE}{@code : <major>.<minor>}. Minor versions only add (new families, new
 * {@code default} methods), so a provider built for {@code 1.0} runs on {@code 1.8}; a provider built for a newer
 * minor or another major is refused, because it may call what this runtime does not have.
 */
public final class ProviderApi {

    /** The contract version this api jar defines. Kept equal to the build's {@code gatehouse.provider.api.version}. */
    public static final String VERSION = "1.8";

    /** The manifest attribute in which a provider jar names the contract version it was built for. */
    public static final String MANIFEST_ATTRIBUTE = "Gatehouse-Provider-Api";

    private static final Pattern VERSION_SYNTAX = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    private ProviderApi() {
    }

    /**
     * Decides whether a provider built for {@code declared} may run on this runtime.
     *
     * @param declared the value of the provider jar's {@value #MANIFEST_ATTRIBUTE} attribute; may be null
     * @return empty when compatible, otherwise the reason it is not, fit to show an operator
     */
    public static Optional<String> incompatibility(String declared) {
        return incompatibility(declared, VERSION);
    }

    static Optional<String> incompatibility(String declared, String runtime) {
        Objects.requireNonNull(runtime, "runtime");
        if (declared == null || declared.isBlank()) {
            return java.util.Optional.of("the jar declares no " + MANIFEST_ATTRIBUTE
                    + " manifest attribute; rebuild it against gatehouse-api " + runtime);
        }
        Matcher provider = VERSION_SYNTAX.matcher(declared.trim());
        Matcher ours = VERSION_SYNTAX.matcher(runtime);
        if (!provider.matches()) {
            return java.util.Optional.of("the jar declares " + MANIFEST_ATTRIBUTE + " '" + declared.trim()
                    + "', which is not <major>.<minor>");
        }
        if (!ours.matches()) {
            throw new IllegalStateException("malformed runtime API version " + runtime);
        }
        int providerMajor = Integer.parseInt(provider.group(1));
        int providerMinor = Integer.parseInt(provider.group(2));
        int runtimeMajor = Integer.parseInt(ours.group(1));
        int runtimeMinor = Integer.parseInt(ours.group(2));
        if (providerMajor != runtimeMajor || providerMinor > runtimeMinor) {
            return java.util.Optional.of("built for provider API " + declared.trim()
                    + ", but this server provides API " + runtime);
        }
        return java.util.Optional.empty();
    }
}
