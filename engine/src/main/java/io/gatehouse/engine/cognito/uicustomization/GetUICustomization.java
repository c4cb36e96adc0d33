package io.gatehouse.engine.cognito.uicustomization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.uicustomization.UiCustomizations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * GetUICustomization: as Cognito documents it, a client without its own customization is answered with the
 * pool's (whose ClientId is {@code ALL}), and a scope with neither with just the ids.
 */
@ApplicationScoped
public class GetUICustomization implements CognitoOperation {

    @Inject
    UiCustomizations customizations;

    @Override
    public String name() {
        return "GetUICustomization";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String pool = request.get("UserPoolId").asText();
        String client = UiCustomizationShapes.text(request, "ClientId");
        return UiCustomizationShapes.response(customizations.effective(pool, client), pool, client, customizations);
    }
}
