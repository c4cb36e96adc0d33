package io.gatehouse.engine.iam;

import io.gatehouse.engine.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GetSAMLProvider: a provider's UUID, metadata document, creation date, the document's validUntil, and tags. */
@ApplicationScoped
public class GetSAMLProvider extends IamAction {

    @Inject
    SamlProviders providers;

    @Override
    public String name() {
        return "GetSAMLProvider";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        String arn = required(form, "SAMLProviderArn");
        SamlProvider provider = providers.find(arn).orElseThrow(() -> noSuch(arn));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("SAMLProviderUUID", provider.uuid());
        fields.put("SAMLMetadataDocument", provider.metadata());
        fields.put("CreateDate", date(provider.created()));
        provider.validUntil().ifPresent(until -> fields.put("ValidUntil", date(until)));
        if (!provider.tags().isEmpty()) {
            fields.put("Tags", tagFields(provider.tags()));
        }
        return fields;
    }

    static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Tags as IAM writes them: members of {@code Key} and {@code Value}. */
    static List<Map<String, String>> tagFields(List<SamlProvider.Tag> tags) {
        return tags.stream().map(t -> {
            Map<String, String> tag = new LinkedHashMap<>();
            tag.put("Key", t.key());
            tag.put("Value", t.value());
            return tag;
        }).toList();
    }

    static ServiceException noSuch(String arn) {
        return new ServiceException("NoSuchEntity", "SAMLProvider not found for arn " + arn);
    }
}
