package io.gatehouse.engine.cognito;

import io.gatehouse.engine.cognito.model.ServiceModel;
import io.gatehouse.engine.cognito.model.ShapeValidator;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsJsonServicesTest {

    private static final ServiceModel IDP = ServiceModel.load(Json.MAPPER, ServiceModel.COGNITO_IDP);
    private static final ServiceModel IDENTITY = ServiceModel.load(Json.MAPPER, ServiceModel.COGNITO_IDENTITY);
    private static final AwsJsonService USER_POOLS = new AwsJsonService(IDP, new ShapeValidator(IDP),
            new SigV4Verifier("us-east-1", CognitoProtocol.SIGNING_NAME), Map.of());
    private static final AwsJsonService IDENTITY_POOLS = new AwsJsonService(IDENTITY, new ShapeValidator(IDENTITY),
            new SigV4Verifier("us-east-1", CognitoProtocol.IDENTITY_SIGNING_NAME),
            CognitoProtocol.IDENTITY_ERROR_STATUSES);
    private final AwsJsonServices services = new AwsJsonServices(List.of(USER_POOLS, IDENTITY_POOLS));

    @Test
    void forTargetWhenPrefixKnownThenItsService() {
        assertThat(services.forTarget("AWSCognitoIdentityProviderService.ListUserPools")).isSameAs(USER_POOLS);
        assertThat(services.forTarget("AWSCognitoIdentityService.ListIdentityPools")).isSameAs(IDENTITY_POOLS);
    }

    @Test
    void forTargetWhenPrefixUnknownOrMissingThenUnknownOperation() {
        for (String target : new String[]{"AWSCognitoIdentityProviderServiceListUserPools",
                "DynamoDB_20120810.ListTables", "AWSCognitoIdentityServices.ListIdentityPools", null}) {
            assertThatThrownBy(() -> services.forTarget(target)).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.type()).isEqualTo("UnknownOperationException"));
        }
    }

    @Test
    void answeringWhenIdentityServiceThenItsStatusesAndUserPoolsKeep400() {
        ServiceException notFound = ServiceException.resourceNotFound("gone");

        assertThat(IDENTITY_POOLS.answering(notFound).httpStatus()).isEqualTo(404);
        assertThat(IDENTITY_POOLS.answering(notFound).getMessage()).isEqualTo("gone");
        assertThat(IDENTITY_POOLS.answering(new ServiceException("NotAuthorizedException", "no")).httpStatus())
                .isEqualTo(403);
        assertThat(IDENTITY_POOLS.answering(new ServiceException("ResourceConflictException", "taken"))
                .httpStatus()).isEqualTo(409);
        assertThat(IDENTITY_POOLS.answering(ServiceException.invalidParameter("bad")).httpStatus()).isEqualTo(400);
        assertThat(USER_POOLS.answering(notFound)).isSameAs(notFound);
        assertThat(USER_POOLS.answering(notFound).httpStatus()).isEqualTo(400);
    }
}
