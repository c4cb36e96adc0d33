package io.gatehouse.providers.federation.saml;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A service of the IdP's metadata, by one binding.
 *
 * @param location         where requests go
 * @param responseLocation where responses go, when the IdP wants them elsewhere (SingleLogoutService's
 *                         {@code ResponseLocation})
 */
record SamlEndpoint(URI location, Optional<URI> responseLocation) {

    SamlEndpoint {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(responseLocation, "responseLocation");
    }

    /** Where a response to the IdP's request goes. */
    URI responseTarget() {
        return responseLocation.orElse(location);
    }
}
