package io.gatehouse.engine.iam;

import io.gatehouse.engine.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** GetOpenIDConnectProvider: a provider's URL (without its scheme, as IAM shows it), client ids and thumbprints. */
@ApplicationScoped
public class GetOpenIDConnectProvider extends IamAction {

    @Inject
    OidcProviders providers;

    @Override
    public String name() {
        return "GetOpenIDConnectProvider";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        String arn = required(form, "OpenIDConnectProviderArn");
        OidcProvider provider = providers.find(arn).orElseThrow(() -> noSuch(arn));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Url", provider.name());
        fields.put("ClientIDList", provider.clientIds());
        fields.put("ThumbprintList", provider.thumbprints());
        fields.put("CreateDate", provider.created().truncatedTo(ChronoUnit.SECONDS).toString());
        return fields;
    }

    static ServiceException noSuch(String arn) {
        return new ServiceException("NoSuchEntity", "OpenIDConnect Provider not found for arn " + arn);
    }
}
