package io.gatehouse.engine.cognito.uicustomization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.uicustomization.UiCustomizations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Base64;

/** SetUICustomization: CSS and logo together; with neither, back to the default. */
@ApplicationScoped
public class SetUICustomization implements CognitoOperation {

    @Inject
    UiCustomizations customizations;

    @Override
    public String name() {
        return "SetUICustomization";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String pool = request.get("UserPoolId").asText();
        String client = UiCustomizationShapes.text(request, "ClientId");
        // A blob: the dispatcher has already checked that it is base64.
        byte[] image = request.hasNonNull("ImageFile")
                ? Base64.getDecoder().decode(request.get("ImageFile").asText()) : null;
        return UiCustomizationShapes.response(
                customizations.set(pool, client, UiCustomizationShapes.text(request, "CSS"), image),
                pool, client, customizations);
    }
}
