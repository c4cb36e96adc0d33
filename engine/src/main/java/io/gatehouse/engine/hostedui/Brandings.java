package io.gatehouse.engine.hostedui;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.uicustomization.UiAssets;
import io.gatehouse.engine.uicustomization.UiCustomizations;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** How a client's pages look (its own UI customisation, else its pool's) and what they offer. */
@ApplicationScoped
public class Brandings {

    @Inject
    UserPools pools;

    @Inject
    UiCustomizations customizations;

    Branding of(UserPoolClient client) {
        JsonNode settings = pools.get(client.userPoolId()).settings();
        boolean adminOnly = settings.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean(false);
        UiAssets look = customizations.effectiveAssets(client.userPoolId(), client.clientId());
        // Host-relative paths: the pages' CSP allows styles and images from their own origin only, whichever host
        // (base URL or pool domain) served them.
        return new Branding(look.cssPath().orElse(null), look.logoPath().orElse(null), !adminOnly,
                usernameLabel(settings));
    }

    private static String usernameLabel(JsonNode settings) {
        String attributes = settings.path("UsernameAttributes").toString();
        boolean email = attributes.contains("\"email\"");
        boolean phone = attributes.contains("\"phone_number\"");
        return email && phone ? "login.emailOrPhone" : email ? "attribute.email" : phone ? "attribute.phone_number"
                : "login.username";
    }
}
