package org.envforge.views.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.envforge.agent.AuditVerdict;
import org.envforge.agent.ItemVerdict;
import org.envforge.engine.JobEvent;
import org.envforge.views.common.DirectTaskRunner;
import org.junit.jupiter.api.Test;

/** The selected environment's streams, checklist, round and screenshot captions, kept for every environment. */
class EnvironmentDetailTest {

    private final EnvironmentDetail d = new EnvironmentDetail(sha -> Optional.empty(), new DirectTaskRunner());

    private static JobEvent.AuditAnswer verdict(int index, String item, AuditVerdict v) {
        return new JobEvent.AuditAnswer(1, index, "total_s1", new ItemVerdict(item, item + "?", v, "because", List.of()));
    }

    private static List<String> texts(List<FeedLine> lines) {
        return lines.stream().map(FeedLine::text).toList();
    }

    @Test
    void theShownEnvironmentsStreamsAndChecklistFillIn() {
        d.clear(3);
        d.show(0);
        d.apply(new JobEvent.ItemStarted(1, 0, "xterm_j1_e1", "xterm"));
        d.apply(new JobEvent.RoundStarted(1, 0, 1));
        d.apply(new JobEvent.Message(1, 0, "creator", "seeded the rows"));
        d.apply(new JobEvent.Message(1, 0, "auditor", "looking"));
        d.apply(new JobEvent.Action(1, 0, "total_s1", 1, 2, "{\"action\":\"wait\"}"));
        assertThat(texts(d.creatorFeed())).containsExactly("Making xterm_j1_e1 with the xterm plugin.", "Round 1 of 3", "seeded the rows",
                "oracle 1/2  {\"action\":\"wait\"}");
        assertThat(texts(d.auditorFeed())).containsExactly("Round 1 of 3", "looking");
        assertThat(d.roundTextProperty().get()).isEqualTo("Round 1 of 3");
        // The task's evidence: all its audit items are pending; a verdict answers one.
        assertThat(d.checklist()).hasSize(9).allMatch(r -> r.verdict() == null);
        d.apply(verdict(0, "oracle_solves", AuditVerdict.FAIL));
        assertThat(d.checklist()).hasSize(9).filteredOn(r -> r.verdict() == AuditVerdict.FAIL).extracting(ChecklistRow::item)
                .containsExactly("oracle_solves");
        assertThat(d.checklistTextProperty().get()).isEqualTo("1 of 9 items answered, 1 failing");
        // An item the checklist does not know joins it.
        d.apply(verdict(0, "extra_item", AuditVerdict.PASS));
        assertThat(d.checklist()).hasSize(10);
        d.apply(new JobEvent.RoundDone(1, 0, 1, false, null));
        assertThat(d.auditorFeed().get(d.auditorFeed().size() - 1).verdict()).isEqualTo(AuditVerdict.FAIL);
        d.apply(new JobEvent.RoundStarted(1, 0, 2));
        assertThat(d.checklist()).isEmpty();
        assertThat(d.roundTextProperty().get()).isEqualTo("Round 2 of 3");
    }

    @Test
    void anotherEnvironmentsEventsAreKeptForWhenItIsShown() {
        d.clear(2);
        d.show(0);
        d.apply(new JobEvent.Message(1, 1, "creator", "second"));
        d.apply(new JobEvent.Screenshot(1, 1, "total_s1", "start", "sha-a"));
        d.apply(new JobEvent.AuditAnswer(1, 1, "total_s1", new ItemVerdict("setup_runs", "?", AuditVerdict.PASS, "fine", List.of())));
        assertThat(d.creatorFeed()).isEmpty();
        assertThat(d.checklist()).isEmpty();
        assertThat(d.startCaptionProperty().get()).isEmpty();
        assertThat(d.roundTextProperty().get()).isEqualTo("Not started");
        d.show(1);
        assertThat(texts(d.creatorFeed())).containsExactly("second");
        assertThat(d.checklist()).hasSize(9);
        assertThat(d.startCaptionProperty().get()).isEqualTo("Start of total_s1");
        assertThat(d.startShotProperty().get()).isNull(); // no such blob
        d.show(-1);
        assertThat(d.creatorFeed()).isEmpty();
        assertThat(d.startCaptionProperty().get()).isEmpty();
        assertThat(d.roundTextProperty().get()).isEmpty();
    }

    @Test
    void aStreamKeepsItsNewestLines() {
        d.clear(1);
        d.show(0);
        for (int i = 0; i < EnvironmentDetail.MAX_LINES + 5; i++) {
            d.apply(new JobEvent.Message(1, 0, "creator", "line " + i));
        }
        assertThat(d.creatorFeed()).hasSize(EnvironmentDetail.MAX_LINES);
        assertThat(d.creatorFeed().get(0).text()).isEqualTo("line 5");
        d.clear(1);
        d.show(0);
        assertThat(d.creatorFeed()).isEmpty();
    }
}
