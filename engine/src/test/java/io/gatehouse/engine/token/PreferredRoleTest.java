package io.gatehouse.engine.token;

import io.gatehouse.engine.groups.Group;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreferredRoleTest {

    private static Group group(String name, String role, Integer precedence) {
        return new Group("us-east-1_x", name, null, role, precedence, 0, 0);
    }

    @Test
    void theLowestPrecedenceWithARoleIsPreferred() {
        assertThat(TokenService.preferredRole(List.of(group("admins", null, 0), group("staff", "arn:staff", 1),
                group("all", "arn:all", 5), group("loose", "arn:loose", null)))).hasValue("arn:staff");
    }

    @Test
    void aTieWithDifferentRolesPrefersNoneAndWithTheSameRolePrefersIt() {
        assertThat(TokenService.preferredRole(List.of(group("a", "arn:a", 1), group("b", "arn:b", 1),
                group("c", "arn:c", 2)))).isEmpty();
        assertThat(TokenService.preferredRole(List.of(group("a", "arn:same", 1), group("b", "arn:same", 1))))
                .hasValue("arn:same");
        assertThat(TokenService.preferredRole(List.of(group("a", null, 1)))).isEmpty();
    }
}
