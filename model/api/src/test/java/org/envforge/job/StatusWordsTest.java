package org.envforge.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The words the store keeps for job and item statuses: fixed, so that existing databases keep reading. */
class StatusWordsTest {

    @Test
    void jobStatusesKeepTheirStoredWords() {
        assertThat(Arrays.stream(JobStatus.values()).map(JobStatus::word)).containsExactly("running", "done", "cancelled", "failed");
    }

    @Test
    void itemStatusesKeepTheirStoredWords() {
        assertThat(Arrays.stream(ItemStatus.values()).map(ItemStatus::word))
                .containsExactly("pending", "running", "passed", "failed", "error");
    }

    @Test
    void everyStoredWordReadsBackAsItsStatus() {
        for (JobStatus s : JobStatus.values()) {
            assertThat(JobStatus.of(s.word())).isSameAs(s);
            assertThat(s).hasToString(s.word());
        }
        for (ItemStatus s : ItemStatus.values()) {
            assertThat(ItemStatus.of(s.word())).isSameAs(s);
            assertThat(s).hasToString(s.word());
        }
    }

    @Test
    void aBadWordIsRefusedWithTheValueAndTheGoodOnes() {
        assertThatThrownBy(() -> JobStatus.of("finished")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown job status \"finished\"; expected one of running, done, cancelled, failed");
        assertThatThrownBy(() -> ItemStatus.of("PASSED")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown job item status \"PASSED\"; expected one of pending, running, passed, failed, error");
        assertThatThrownBy(() -> ItemStatus.of("")).hasMessageContaining("unknown job item status \"\"");
        assertThatThrownBy(() -> ItemStatus.of(" passed")).hasMessageContaining("\" passed\"");
        assertThatThrownBy(() -> JobStatus.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no job status (null)");
    }

    @Test
    void onlyPassedFailedAndErrorAreFinished() {
        assertThat(Arrays.stream(ItemStatus.values()).filter(ItemStatus::finished))
                .containsExactly(ItemStatus.PASSED, ItemStatus.FAILED, ItemStatus.ERROR);
    }

    @Test
    void jsonCarriesTheStoredWord() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(ItemStatus.ERROR)).isEqualTo("\"error\"");
        assertThat(json.readValue("\"cancelled\"", JobStatus.class)).isEqualTo(JobStatus.CANCELLED);
    }
}
