package io.gatehouse.engine.cognito;

import io.gatehouse.engine.cognito.model.ServiceModel;
import io.gatehouse.engine.cognito.model.ShapeValidator;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.error.ServiceException;

import java.util.Map;

/**
 * One AWS JSON 1.1 service the endpoint serves, named by its {@code X-Amz-Target} prefix: the user-pool API
 * ({@code AWSCognitoIdentityProviderService}) or the identity-pool API ({@code AWSCognitoIdentityService}). Both
 * share the path, the wire form and the error body; they differ in their model, the signing name their callers
 * scope signatures to, and the HTTP status of some errors.
 *
 * @param model         the service's model: its operations and shapes
 * @param validator     validates requests against {@code model}
 * @param verifier      checks signatures scoped to the service's signing name
 * @param errorStatuses the HTTP status of error types that the service does not answer with 400; an error type not
 *                      listed keeps the status it was raised with
 */
public record AwsJsonService(ServiceModel model, ShapeValidator validator, SigV4Verifier verifier,
                             Map<String, Integer> errorStatuses) {

    public AwsJsonService {
        errorStatuses = Map.copyOf(errorStatuses);
    }

    /** The prefix of its {@code X-Amz-Target} values, from its model. */
    public String targetPrefix() {
        return model.targetPrefix();
    }

    /** The failure as this service answers it: the same type and message, with the service's status for the type. */
    public ServiceException answering(ServiceException failure) {
        Integer status = errorStatuses.get(failure.type());
        if (status == null || status == failure.httpStatus()) {
            return failure;
        }
        return new ServiceException(failure.type(), failure.getMessage(), status);
    }
}
