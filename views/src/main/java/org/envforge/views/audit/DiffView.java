package org.envforge.views.audit;

import java.util.Collection;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.envforge.views.code.Highlighter;
import org.envforge.views.code.Language;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * A read-only line diff in RichTextFX: each line with its old and new line numbers in the gutter,
 * a +/- mark, syntax highlighting, and added or removed lines on a coloured background.
 */
public final class DiffView extends StackPane {

    private final CodeArea area = new CodeArea();
    private List<LineDiff.Line> lines = List.of();

    public DiffView() {
        getStyleClass().addAll("code-view", "diff-view");
        area.getStyleClass().add("code-area");
        area.setEditable(false);
        area.setWrapText(true);
        area.setParagraphGraphicFactory(p -> {
            LineDiff.Line l = p < lines.size() ? lines.get(p) : null;
            Label old = new Label(l == null || l.oldLine() == 0 ? "" : String.valueOf(l.oldLine()));
            Label now = new Label(l == null || l.newLine() == 0 ? "" : String.valueOf(l.newLine()));
            for (Label x : new Label[] {old, now}) {
                x.getStyleClass().add("diff-lineno");
                x.setMinWidth(34);
                x.setAlignment(Pos.TOP_RIGHT);
            }
            HBox box = new HBox(2, old, now);
            box.getStyleClass().add("lineno");
            box.setAlignment(Pos.TOP_RIGHT);
            return box;
        });
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    /** Shows the diff, highlighted for the language. */
    public void show(List<LineDiff.Line> diff, Language language) {
        this.lines = List.copyOf(diff);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < diff.size(); i++) {
            LineDiff.Line l = diff.get(i);
            sb.append(switch (l.kind()) {
                case ADDED -> "+ ";
                case REMOVED -> "- ";
                case SAME -> "  ";
            }).append(l.text());
            if (i < diff.size() - 1) {
                sb.append('\n');
            }
        }
        String text = sb.toString();
        area.replaceText(text);
        if (!text.isEmpty()) {
            area.setStyleSpans(0, Highlighter.spans(text, language));
        }
        for (int i = 0; i < diff.size() && i < area.getParagraphs().size(); i++) {
            area.setParagraphStyle(i, switch (diff.get(i).kind()) {
                case ADDED -> List.of("diff-added");
                case REMOVED -> List.of("diff-removed");
                case SAME -> List.of();
            });
        }
        area.moveTo(0);
        area.requestFollowCaret();
        int first = firstChange();
        if (first > 3) {
            area.showParagraphAtTop(first - 3);
        }
    }

    private int firstChange() {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kind() != LineDiff.Kind.SAME) {
                return i;
            }
        }
        return 0;
    }

    public String text() {
        return area.getText();
    }

    /** The CSS classes of a 1-based line's paragraph, for tests. */
    public Collection<String> lineStyle(int line) {
        return area.getParagraph(line - 1).getParagraphStyle();
    }
}
