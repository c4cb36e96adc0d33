package io.gatehouse.engine.cognito;

import io.gatehouse.engine.cognito.model.ServiceModel;
import io.gatehouse.engine.cognito.model.ShapeValidator;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The services of the Cognito endpoint: the user-pool API's model, validator and signature verifier (which
 * Gatehouse's own administrative endpoints share), and the identity-pool API beside it. Built once, shared by every
 * call.
 */
@ApplicationScoped
public class CognitoProtocol {

    /** The signing name of the user-pool API. */
    public static final String SIGNING_NAME = "cognito-idp";

    /** The signing name of the identity-pool API. */
    public static final String IDENTITY_SIGNING_NAME = "cognito-identity";

    /** The {@code X-Amz-Target} prefix of the user-pool API. */
    public static final String USER_POOLS_TARGET = "AWSCognitoIdentityProviderService";

    /** The {@code X-Amz-Target} prefix of the identity-pool API. */
    public static final String IDENTITY_POOLS_TARGET = "AWSCognitoIdentityService";

    /**
     * The identity-pool API's statuses (those of AWS's API reference for Cognito Identity): unlike the user-pool
     * API, which answers 400 for every client error, it answers these with their own status. Its other errors are 400.
     */
    static final Map<String, Integer> IDENTITY_ERROR_STATUSES = Map.of(
            "NotAuthorizedException", 403,
            "ResourceNotFoundException", 404,
            "ResourceConflictException", 409,
            "TooManyRequestsException", 429,
            CognitoErrors.INTERNAL, 500);

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

    @Produces
    @Singleton
    AwsJsonServices services(ServiceModel model, ShapeValidator validator, SigV4Verifier verifier,
                             GatehouseConfig config) {
        ServiceModel identity = ServiceModel.load(Json.MAPPER, ServiceModel.COGNITO_IDENTITY);
        return new AwsJsonServices(List.of(
                new AwsJsonService(model, validator, verifier, Map.of()),
                new AwsJsonService(identity, new ShapeValidator(identity),
                        new SigV4Verifier(config.region(), IDENTITY_SIGNING_NAME), IDENTITY_ERROR_STATUSES)));
    }
}
