package io.gatehouse.engine.iam;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM SAML provider: an IdP whose SAML responses identity pools take as logins when they name its ARN.
 *
 * @param arn        {@code arn:aws:iam::<account>:saml-provider/<name>}
 * @param name       its name, as the ARN ends
 * @param uuid       IAM's {@code SAMLProviderUUID}
 * @param metadata   the IdP's SAML metadata document, as given
 * @param validUntil the document's {@code validUntil}, if it names one
 * @param tags       its tags, in the order given
 * @param created    when it was registered
 */
public record SamlProvider(String arn, String name, String uuid, String metadata, Optional<Instant> validUntil,
                           List<Tag> tags, Instant created) {

    public SamlProvider {
        Objects.requireNonNull(metadata, "metadata");
        tags = List.copyOf(tags);
    }

    /** An IAM tag. */
    public record Tag(String key, String value) {
    }

    /** The same provider with another metadata document. */
    SamlProvider withMetadata(String document, Optional<Instant> documentValidUntil) {
        return new SamlProvider(arn, name, uuid, document, documentValidUntil, tags, created);
    }

    /** Names the provider only, never its document. */
    @Override
    public String toString() {
        return "SamlProvider[" + arn + "]";
    }
}
