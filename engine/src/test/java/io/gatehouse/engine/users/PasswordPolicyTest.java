package io.gatehouse.engine.users;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

    private final PasswordPolicy strict = new PasswordPolicy(8, true, true, true, true);

    @Test
    void checkWhenEveryRuleMetThenAccepted() {
        strict.check("Abcdef1!");
        strict.check("Abcdefg1 ");
    }

    @Test
    void checkWhenRulesBrokenThenEachNamedInCognitosWords() {
        assertThatThrownBy(() -> strict.check("abc"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.type()).isEqualTo("InvalidPasswordException");
                    assertThat(e.getMessage()).startsWith("Password did not conform with policy: ")
                            .contains("Password not long enough", "Password must have uppercase characters",
                                    "Password must have numeric characters", "Password must have symbol characters")
                            .doesNotContain("lowercase");
                });
    }

    @Test
    void ofWhenPoolSettingsThenTheirRules() throws Exception {
        PasswordPolicy lenient = PasswordPolicy.of(Json.MAPPER.readTree("{\"Policies\":{\"PasswordPolicy\":"
                + "{\"MinimumLength\":6,\"RequireUppercase\":false,\"RequireLowercase\":false,"
                + "\"RequireNumbers\":false,\"RequireSymbols\":false}}}"));

        lenient.check("simple");
        assertThatThrownBy(() -> lenient.check("short")).isInstanceOf(ServiceException.class);
    }

    @Test
    void generatedPasswordsWhenPolicyStrictThenAlwaysAccepted() {
        PasswordPolicy long24 = new PasswordPolicy(24, true, true, true, true);
        for (int i = 0; i < 200; i++) {
            long24.check(AdminUsers.generate(long24));
        }
    }

    @Test
    void maskEmailWhenAddressThenFirstCharactersOnly() {
        assertThat(CodeDelivery.maskEmail("alice@example.com")).isEqualTo("a***@e***");
        assertThat(CodeDelivery.maskEmail("@nope")).isEqualTo("***");
    }
}
