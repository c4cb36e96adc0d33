package io.gatehouse.engine.iam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** ListOpenIDConnectProviders: every provider's ARN. */
@ApplicationScoped
public class ListOpenIDConnectProviders extends IamAction {

    @Inject
    OidcProviders providers;

    @Override
    public String name() {
        return "ListOpenIDConnectProviders";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        return Map.of("OpenIDConnectProviderList", providers.list().stream()
                .map(p -> Map.of("Arn", p.arn())).toList());
    }
}
