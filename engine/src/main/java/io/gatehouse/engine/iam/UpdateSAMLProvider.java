package io.gatehouse.engine.iam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * UpdateSAMLProvider: replaces a provider's metadata document (checked as on creation), as when the IdP rolls its
 * signing certificate. Responses signed with the old key are refused from then on.
 */
@ApplicationScoped
public class UpdateSAMLProvider extends IamAction {

    @Inject
    SamlProviders providers;

    @Inject
    SamlMetadataCheck metadataCheck;

    @Override
    public String name() {
        return "UpdateSAMLProvider";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        String arn = required(form, "SAMLProviderArn");
        CreateSAMLProvider.refuseEncryption(form);
        String document = form.get("SAMLMetadataDocument");
        if (document == null || document.isEmpty()) {
            // IAM takes an update without a document (it may change only encryption settings): nothing changes here.
            providers.find(arn).orElseThrow(() -> GetSAMLProvider.noSuch(arn));
            return Map.of("SAMLProviderArn", arn);
        }
        Optional<Instant> validUntil = metadataCheck.check(document);
        if (!providers.update(arn, document, validUntil)) {
            throw GetSAMLProvider.noSuch(arn);
        }
        return Map.of("SAMLProviderArn", arn);
    }
}
