package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.gatehouse.providers.federation.saml.SamlDetailKeys.IDP_ENTITY_ID;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.IDP_SIGNOUT;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.METADATA_FILE;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.METADATA_URL;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.REQUEST_SIGNING_ALGORITHM;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.SLO_POST_BINDING_URI;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.SLO_REDIRECT_BINDING_URI;
import static io.gatehouse.providers.federation.saml.SamlDetailKeys.SSO_REDIRECT_BINDING_URI;

/**
 * Checks a SAML IdP's {@code ProviderDetails} and computes what Cognito computes from its metadata: the endpoints it
 * shows, and the entity id it keeps to itself.
 */
final class DetailsConfigurer {

    private static final Set<String> KNOWN = SamlDetailKeys.ALL.stream().map(k -> k.name())
            .collect(Collectors.toUnmodifiableSet());

    private final MetadataCache metadata;
    private final SamlOptions options;
    private final Clock clock;

    DetailsConfigurer(MetadataCache metadata, SamlOptions options, Clock clock) {
        this.metadata = metadata;
        this.options = options;
        this.clock = clock;
    }

    Map<String, String> configure(Map<String, String> requested) throws InvalidProviderDetailsException {
        Map<String, String> given = new HashMap<>();
        for (Map.Entry<String, String> detail : requested.entrySet()) {
            if (!KNOWN.contains(detail.getKey())) {
                throw new InvalidProviderDetailsException("ProviderDetails has an unknown key for a SAML IdP: "
                        + printable(detail.getKey()));
            }
            // A blank value is no value, as Cognito has it; what configure computes is never taken from the caller.
            if (detail.getValue() != null && !detail.getValue().isBlank()
                    && !SamlDetailKeys.COMPUTED.contains(detail.getKey())) {
                given.put(detail.getKey(), detail.getValue());
            }
        }
        for (String key : SamlDetailKeys.SWITCHES) {
            String value = given.get(key);
            if (value != null && !value.equals("true") && !value.equals("false")) {
                throw new InvalidProviderDetailsException(key + " must be true or false");
            }
        }
        String algorithm = given.get(REQUEST_SIGNING_ALGORITHM);
        if (algorithm != null && !algorithm.equals(SamlDetailKeys.RSA_SHA256)) {
            throw new InvalidProviderDetailsException(REQUEST_SIGNING_ALGORITHM + " must be "
                    + SamlDetailKeys.RSA_SHA256);
        }
        IdpMetadata idp = read(given);
        if ("true".equals(given.get(IDP_SIGNOUT)) && idp.singleLogout().isEmpty()) {
            throw new InvalidProviderDetailsException(IDP_SIGNOUT + " is true, but the metadata has no"
                    + " SingleLogoutService with the HTTP-Redirect or HTTP-POST binding");
        }
        Map<String, String> stored = new HashMap<>(given);
        idp.ssoRedirect().ifPresent(e -> stored.put(SSO_REDIRECT_BINDING_URI, e.location().toString()));
        idp.sloRedirect().ifPresent(e -> stored.put(SLO_REDIRECT_BINDING_URI, e.location().toString()));
        idp.sloPost().ifPresent(e -> stored.put(SLO_POST_BINDING_URI, e.location().toString()));
        stored.put(IDP_ENTITY_ID, idp.entityId());
        return stored;
    }

    /**
     * An update that gives one metadata key drops the other one stored (an IdP moves from a file to a URL); the
     * computed keys are computed again from whichever metadata results.
     */
    Map<String, String> reconfigure(Map<String, String> given, Map<String, String> stored)
            throws InvalidProviderDetailsException {
        Map<String, String> merged = new HashMap<>(stored);
        SamlDetailKeys.COMPUTED.forEach(merged::remove);
        if (hasValue(given, METADATA_URL)) {
            merged.remove(METADATA_FILE);
        }
        if (hasValue(given, METADATA_FILE)) {
            merged.remove(METADATA_URL);
        }
        merged.putAll(given);
        return configure(merged);
    }

    private IdpMetadata read(Map<String, String> given) throws InvalidProviderDetailsException {
        String url = given.get(METADATA_URL);
        String file = given.get(METADATA_FILE);
        if ((url == null) == (file == null)) {
            throw new InvalidProviderDetailsException("exactly one of " + METADATA_URL + " and " + METADATA_FILE
                    + " is required");
        }
        if (url != null) {
            URI uri;
            try {
                uri = SamlUrls.checked(url);
            } catch (IllegalArgumentException e) {
                throw new InvalidProviderDetailsException(METADATA_URL + " is refused: " + e.getMessage());
            }
            try {
                return metadata.fetchNow(uri, clock.instant());
            } catch (MetadataException e) {
                throw new InvalidProviderDetailsException(METADATA_URL + " cannot be used: " + e.getMessage(), e);
            }
        }
        if (file.getBytes(StandardCharsets.UTF_8).length > options.metadataMaxBytes()) {
            throw new InvalidProviderDetailsException(METADATA_FILE + " is larger than " + options.metadataMaxBytes()
                    + " bytes");
        }
        try {
            // Parsed afresh, not from the cache: its certificates may have expired since it was first parsed.
            return IdpMetadata.parse(file, clock.instant());
        } catch (MetadataException e) {
            throw new InvalidProviderDetailsException(METADATA_FILE + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static boolean hasValue(Map<String, String> details, String key) {
        String value = details.get(key);
        return value != null && !value.isBlank();
    }

    /** A key as the caller gave it, short and without control characters, to name it in a message. */
    private static String printable(String key) {
        String clean = key.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
