package io.gatehouse.engine.identitypool;

import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeveloperProviderNamesTest {

    private static IdentityPool pool(String developerProviderName) {
        return new IdentityPool("us-east-1:00000000-0000-0000-0000-000000000001", "app", false, false,
                Optional.ofNullable(developerProviderName), Map.of("graph.facebook.com", "app-id"),
                List.of(new IdentityPool.CognitoProvider("cognito-idp.us-east-1.amazonaws.com/us-east-1_Example01",
                        "client1", false)),
                List.of("arn:aws:iam::123456789012:oidc-provider/login.example.com"), List.of(), Map.of());
    }

    @Test
    void checkWhenNameIsItsOwnOrAbsentThenAccepted() {
        assertThatCode(() -> DeveloperProviderNames.check(pool("login.mycompany.myapp"))).doesNotThrowAnyException();
        assertThatCode(() -> DeveloperProviderNames.check(pool(null))).doesNotThrowAnyException();
    }

    @Test
    void checkWhenNameIsAnotherProvidersThenInvalidParameter() {
        for (String name : List.of("cognito-identity.amazonaws.com", "Accounts.Google.com", "www.amazon.com",
                "cognito-idp.us-east-1.amazonaws.com", "login.example.com", "graph.facebook.com")) {
            assertThatThrownBy(() -> DeveloperProviderNames.check(pool(name))).as(name)
                    .isInstanceOf(ServiceException.class).hasMessageContaining("another login provider");
        }
    }
}
