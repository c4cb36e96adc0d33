package io.gatehouse.engine.cognito;

import io.gatehouse.engine.cognito.model.ServiceModel;
import io.gatehouse.engine.cognito.model.ShapeValidator;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The user-pool API's model, validator and signature verifier: built once, shared by every call. */
@ApplicationScoped
public class CognitoProtocol {

    /** The signing name of the user-pool API. */
    public static final String SIGNING_NAME = "cognito-idp";

    @Produces
    @Singleton
    ServiceModel serviceModel() {
        return ServiceModel.load(Json.MAPPER, ServiceModel.COGNITO_IDP);
    }

    @Produces
    @Singleton
    ShapeValidator shapeValidator(ServiceModel model) {
        return new ShapeValidator(model);
    }

    @Produces
    @Singleton
    SigV4Verifier verifier(GatehouseConfig config) {
        return new SigV4Verifier(config.region(), SIGNING_NAME);
    }
}
