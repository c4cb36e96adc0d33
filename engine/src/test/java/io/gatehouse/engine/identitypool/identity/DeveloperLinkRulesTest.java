package io.gatehouse.engine.identitypool.identity;

import io.gatehouse.engine.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeveloperLinkRulesTest {

    private static final String DEVELOPER = "login.example.app";
    private static final String GOOGLE = "accounts.google.com";
    private static final String A = "us-east-1:00000000-0000-0000-0000-00000000000a";
    private static final String B = "us-east-1:00000000-0000-0000-0000-00000000000b";

    @Test
    void targetWhenNothingLinkedAndNoIdentityNamedThenANewOne() {
        assertThat(DeveloperLinkRules.target(Optional.empty(), Optional.empty(), List.of())).isEmpty();
    }

    @Test
    void targetWhenUserLinkedThenItsIdentityWhetherNamedOrNot() {
        assertThat(DeveloperLinkRules.target(Optional.empty(), Optional.of(A), List.of())).contains(A);
        assertThat(DeveloperLinkRules.target(Optional.of(A), Optional.of(A), List.of(A))).contains(A);
    }

    @Test
    void targetWhenIdentityNamedOrAnotherLoginLinkedThenTheNewUserJoinsIt() {
        assertThat(DeveloperLinkRules.target(Optional.of(B), Optional.empty(), List.of())).contains(B);
        assertThat(DeveloperLinkRules.target(Optional.empty(), Optional.empty(), List.of(B))).contains(B);
    }

    @Test
    void targetWhenUserLinkedToAnotherIdentityThanTheNamedThenDeveloperUserAlreadyRegistered() {
        assertType(() -> DeveloperLinkRules.target(Optional.of(B), Optional.of(A), List.of()),
                "DeveloperUserAlreadyRegisteredException");
    }

    @Test
    void targetWhenLoginsLinkedToDifferentIdentitiesThenResourceConflict() {
        assertType(() -> DeveloperLinkRules.target(Optional.empty(), Optional.of(A), List.of(B)),
                "ResourceConflictException");
        assertType(() -> DeveloperLinkRules.target(Optional.of(A), Optional.empty(), List.of(B)),
                "ResourceConflictException");
        assertType(() -> DeveloperLinkRules.target(Optional.empty(), Optional.empty(), List.of(A, B)),
                "ResourceConflictException");
    }

    @Test
    void checkMergeWhenBothHaveDeveloperUsersAndOneTheSameGoogleUserThenAccepted() {
        assertThatCode(() -> DeveloperLinkRules.checkMerge(
                List.of(linked(DEVELOPER, "alice"), linked(GOOGLE, "g-1")),
                List.of(linked(DEVELOPER, "bob"), linked(GOOGLE, "g-1")), DEVELOPER)).doesNotThrowAnyException();
    }

    @Test
    void checkMergeWhenDifferentUsersOfTheSamePublicProviderThenResourceConflict() {
        assertType(() -> DeveloperLinkRules.checkMerge(List.of(linked(DEVELOPER, "alice"), linked(GOOGLE, "g-1")),
                List.of(linked(DEVELOPER, "bob"), linked(GOOGLE, "g-2")), DEVELOPER), "ResourceConflictException");
    }

    @Test
    void checkMergeWhenMoreThan20LoginsTogetherThenInvalidParameter() {
        List<DeveloperLinkRules.Linked> ten = Collections.nCopies(10, linked(DEVELOPER, "alice"));
        assertThatCode(() -> DeveloperLinkRules.checkMerge(ten, ten, DEVELOPER)).doesNotThrowAnyException();
        assertType(() -> DeveloperLinkRules.checkMerge(ten, Collections.nCopies(11, linked(DEVELOPER, "bob")),
                DEVELOPER), "InvalidParameterException");
    }

    @Test
    void userIdWhenEmptyOrLongerThan1024BytesThenInvalidParameter() {
        assertThat(DeveloperLinkRules.userId("a".repeat(1024))).hasSize(1024);
        assertType(() -> DeveloperLinkRules.userId(""), "InvalidParameterException");
        assertType(() -> DeveloperLinkRules.userId("a".repeat(1025)), "InvalidParameterException");
        // 512 two-byte characters are 1024 bytes; one more is too many for the login's key.
        assertThat(DeveloperLinkRules.userId("é".repeat(512))).hasSize(512);
        assertType(() -> DeveloperLinkRules.userId("é".repeat(513)), "InvalidParameterException");
    }

    private static DeveloperLinkRules.Linked linked(String provider, String subject) {
        return new DeveloperLinkRules.Linked(provider, subject);
    }

    private static void assertType(Runnable call, String type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServiceException.class,
                e -> assertThat(e.type()).isEqualTo(type));
    }
}
