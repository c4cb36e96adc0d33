package io.gatehouse.engine.iam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * DeleteOpenIDConnectProvider. Identity pools that name it keep its ARN, as in AWS; its tokens are no longer taken.
 */
@ApplicationScoped
public class DeleteOpenIDConnectProvider extends IamAction {

    @Inject
    OidcProviders providers;

    @Override
    public String name() {
        return "DeleteOpenIDConnectProvider";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        String arn = required(form, "OpenIDConnectProviderArn");
        if (!providers.delete(arn)) {
            throw GetOpenIDConnectProvider.noSuch(arn);
        }
        return Map.of();
    }
}
