package io.gatehouse.engine.federation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What CreateIdentityProvider or UpdateIdentityProvider sets; an update leaves what is empty as it was.
 *
 * @param details          {@code ProviderDetails}; an update merges them over the stored ones
 * @param attributeMapping {@code AttributeMapping}; replaces the stored one
 * @param idpIdentifiers   {@code IdpIdentifiers}; replace the stored ones
 */
public record IdentityProviderChanges(Optional<Map<String, String>> details,
                                      Optional<Map<String, String>> attributeMapping,
                                      Optional<List<String>> idpIdentifiers) {

    public IdentityProviderChanges {
        details = details.map(Map::copyOf);
        attributeMapping = attributeMapping.map(Map::copyOf);
        idpIdentifiers = idpIdentifiers.map(List::copyOf);
    }

    /** Never shows the details: they hold secrets. */
    @Override
    public String toString() {
        return "IdentityProviderChanges[details " + details.map(Map::keySet) + ", mapping " + attributeMapping
                + ", identifiers " + idpIdentifiers + "]";
    }
}
