package io.gatehouse.engine.users;

import io.gatehouse.api.trigger.ChallengeResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A custom sign-in's state between steps: written and read back whole, and never shown. */
class CustomAuthStateTest {

    @Test
    void stateWhenWrittenThenReadBackWhole() {
        CustomAuthState state = CustomAuthState.start("sub-1", "amy", List.of(
                        new ChallengeResult("SRP_A", true, Optional.empty())))
                .then(new ChallengeResult("PASSWORD_VERIFIER", true, Optional.empty()))
                .awaiting(Map.of("answer", "4711"), Optional.of("OTP"));

        CustomAuthState read = CustomAuthState.parse(state.toJson());

        assertThat(read).isEqualTo(state);
        assertThat(read.passed("PASSWORD_VERIFIER")).isTrue();
        assertThat(read.has("CUSTOM_CHALLENGE")).isFalse();
        assertThat(read.userNotFound()).isFalse();
    }

    @Test
    void stateWhenAStepIsAddedThenThePendingChallengeIsDropped() {
        CustomAuthState answered = CustomAuthState.start(CustomAuthFlow.NO_USER, "ghost", List.of())
                .awaiting(Map.of("answer", "4711"), Optional.of("OTP"))
                .then(new ChallengeResult("CUSTOM_CHALLENGE", false, Optional.of("OTP")));

        assertThat(answered.privateParameters()).isEmpty();
        assertThat(answered.challengeMetadata()).isEmpty();
        assertThat(answered.session()).containsExactly(new ChallengeResult("CUSTOM_CHALLENGE", false,
                Optional.of("OTP")));
        assertThat(answered.passed("CUSTOM_CHALLENGE")).isFalse();
        assertThat(answered.userNotFound()).isTrue();
    }

    @Test
    void stateWhenPrintedThenNoAnswerAndWhenNotAStateThenRefused() {
        CustomAuthState state = CustomAuthState.start("sub-1", "amy", List.of())
                .awaiting(Map.of("answer", "4711"), Optional.empty());
        assertThat(state.toString()).doesNotContain("4711");
        assertThatThrownBy(() -> CustomAuthState.parse("{\"sub\":1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
