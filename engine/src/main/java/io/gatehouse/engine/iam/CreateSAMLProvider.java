package io.gatehouse.engine.iam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CreateSAMLProvider: registers a SAML IdP by a name and its metadata document (checked by {@link SamlMetadataCheck}),
 * with optional tags. IAM's assertion encryption ({@code AssertionEncryptionMode}, {@code AddPrivateKey}) is not
 * offered: identity pools here take signed, unencrypted assertions only, so a private key is refused rather than kept
 * unused.
 */
@ApplicationScoped
public class CreateSAMLProvider extends IamAction {

    private static final Pattern NAME = Pattern.compile("[\\w._-]{1,128}");
    private static final int MAX_TAGS = 50;

    @Inject
    SamlProviders providers;

    @Inject
    SamlMetadataCheck metadataCheck;

    @Override
    public String name() {
        return "CreateSAMLProvider";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        String document = required(form, "SAMLMetadataDocument");
        String name = required(form, "Name");
        if (!NAME.matcher(name).matches()) {
            throw invalid("1 validation error detected: Value at 'name' failed to satisfy constraint: Member must"
                    + " satisfy regular expression pattern: [\\w._-]+ and have length between 1 and 128");
        }
        refuseEncryption(form);
        List<SamlProvider.Tag> tags = tags(form);
        Optional<Instant> validUntil = metadataCheck.check(document);
        SamlProvider provider = providers.create(name, document, validUntil, tags);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("SAMLProviderArn", provider.arn());
        if (!tags.isEmpty()) {
            fields.put("Tags", GetSAMLProvider.tagFields(tags));
        }
        return fields;
    }

    /** Refuses IAM's assertion encryption settings, which this server does not offer. */
    static void refuseEncryption(Map<String, String> form) {
        if (form.containsKey("AddPrivateKey") || form.containsKey("RemovePrivateKey")
                || "Required".equals(form.get("AssertionEncryptionMode"))) {
            throw invalid("Encrypted SAML assertions are not supported by this server: identity pools take signed,"
                    + " unencrypted assertions, so no private key is kept.");
        }
    }

    /** {@code Tags.member.N.Key} and {@code .Value}: at most 50, keys of 1 to 128 characters, values up to 256. */
    private static List<SamlProvider.Tag> tags(Map<String, String> form) {
        List<SamlProvider.Tag> tags = new ArrayList<>();
        for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
            String key = form.get("Tags.member." + i + ".Key");
            String value = form.getOrDefault("Tags.member." + i + ".Value", "");
            if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
                throw invalid("A tag's key must have 1 to 128 characters and its value at most 256.");
            }
            if (tags.stream().anyMatch(t -> t.key().equals(key))) {
                throw invalid("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
            tags.add(new SamlProvider.Tag(key, value));
        }
        if (tags.size() > MAX_TAGS) {
            throw new io.gatehouse.engine.error.ServiceException("LimitExceeded", "A SAML provider can have at most "
                    + MAX_TAGS + " tags.");
        }
        return tags;
    }
}
