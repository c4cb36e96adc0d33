package io.gatehouse.engine.iam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/** ListSAMLProviders: every provider's ARN, its document's validUntil and its creation date. */
@ApplicationScoped
public class ListSAMLProviders extends IamAction {

    @Inject
    SamlProviders providers;

    @Override
    public String name() {
        return "ListSAMLProviders";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        return Map.of("SAMLProviderList", providers.list().stream().map(p -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("Arn", p.arn());
            p.validUntil().ifPresent(until -> entry.put("ValidUntil", GetSAMLProvider.date(until)));
            entry.put("CreateDate", GetSAMLProvider.date(p.created()));
            return entry;
        }).toList());
    }
}
