package org.envforge.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A declared parameter describes itself and checks values, naming itself when it refuses one. */
class ParameterTest {

    @Test
    void describesItsLimitsAndDefault() {
        assertThat(GenerationParameters.ENVS.describe()).isEqualTo("Environments per software (1 to 100, default 1).");
        assertThat(GenerationParameters.FAULTS.describe())
                .isEqualTo("Share of tasks given a known defect, to measure the auditor (0 to 1, default 0).");
        assertThat(GenerationParameters.SEED.limits()).isEqualTo("at least 0");
        assertThat(GenerationParameters.CREATOR.limits()).isEqualTo("recipe or llm");
        assertThat(GenerationParameters.SET.describe()).isEqualTo("Take the software from this curation set.");
        assertThat(GenerationParameters.FAULTS.option()).isEqualTo("--inject-faults");
        assertThat(GenerationParameters.FAULTS.name()).isEqualTo("faults");
    }

    @Test
    void acceptsValuesInRangeAndRefusesOthersByName() {
        assertThat(GenerationParameters.ENVS.accept(100)).isEqualTo(100);
        assertThat(GenerationParameters.ENVS.accept(null)).isEqualTo(1);
        assertThat(GenerationParameters.SEED.accept(7)).isEqualTo(7L);
        assertThat(GenerationParameters.CREATOR.accept("  ")).isEqualTo("recipe");
        assertThat(GenerationParameters.CREATOR.accept(" scripted ")).isEqualTo("scripted");
        assertThat(GenerationParameters.SOFTWARE.accept(" xterm, ,gnumeric")).containsExactly("xterm", "gnumeric");
        assertThat(GenerationParameters.SOFTWARE.accept(List.of("a", " "))).containsExactly("a");
        assertThatThrownBy(() -> GenerationParameters.ENVS.accept(101)).hasMessage("Environments (--envs) must be from 1 to 100, was 101");
        assertThatThrownBy(() -> GenerationParameters.ROUNDS.accept("3"))
                .hasMessage("Rounds at most (--rounds) must be a whole number, was 3");
        assertThatThrownBy(() -> GenerationParameters.FAULTS.accept(Double.NaN)).hasMessageStartingWith("Fault rate (--inject-faults)");
    }

    @Test
    void valuesMakeAJobSpec() {
        JobSpec spec = GenerationParameters.defaults().set(GenerationParameters.SET, "first").set(GenerationParameters.WORKERS, 4)
                .toJobSpec();
        assertThat(spec).isEqualTo(new JobSpec("first", List.of(), 1, 3, 3, "recipe", "rules", 4, 0, 1));
        assertThatThrownBy(() -> GenerationParameters.defaults().set(GenerationParameters.WORKERS, 17).toJobSpec())
                .hasMessage("Workers (--workers) must be from 1 to 16, was 17");
    }
}
