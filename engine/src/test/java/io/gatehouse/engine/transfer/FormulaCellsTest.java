package io.gatehouse.engine.transfer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+14155550100", "-2", "@SUM(A1)", "\tx", "\rx", "'=1", "''+1"})
    void neutraliseWhenCellStartsLikeAFormulaThenApostropheAndRestoreGivesItBack(String value) {
        String written = FormulaCells.neutralise(value);

        assertThat(written).isEqualTo("'" + value);
        assertThat(FormulaCells.restore(written)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "'quoted", "a=b", "$argon2id$v=19$m=19456", "[\"admins\"]", "'"})
    void neutraliseWhenCellIsNoFormulaThenAsIsBothWays(String value) {
        assertThat(FormulaCells.neutralise(value)).isEqualTo(value);
        assertThat(FormulaCells.restore(value)).isEqualTo(value);
    }
}
