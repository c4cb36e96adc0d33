package io.gatehouse.engine.iam;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** DeleteSAMLProvider. Identity pools that name it keep its ARN, as in AWS; its logins are no longer taken. */
@ApplicationScoped
public class DeleteSAMLProvider extends IamAction {

    @Inject
    SamlProviders providers;

    @Override
    public String name() {
        return "DeleteSAMLProvider";
    }

    @Override
    Map<String, ?> answer(Map<String, String> form) {
        String arn = required(form, "SAMLProviderArn");
        if (!providers.delete(arn)) {
            throw GetSAMLProvider.noSuch(arn);
        }
        return Map.of();
    }
}
