package org.envforge.views.code;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A read-only code view (RichTextFX) with line numbers, syntax highlighting and problem markers:
 * lines with problems get a coloured background and a gutter icon whose tooltip lists them.
 */
public final class CodeView extends StackPane {

    private final CodeArea area = new CodeArea();
    private Map<Integer, List<String>> problems = Map.of();
    private Map<Integer, Boolean> errors = Map.of();

    public CodeView() {
        getStyleClass().add("code-view");
        area.getStyleClass().add("code-area");
        area.setEditable(false);
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(line -> {
            Node number = numbers.apply(line);
            List<String> here = problems.get(line + 1);
            Node mark;
            if (here == null) {
                Label blank = new Label();
                blank.setMinWidth(16);
                mark = blank;
            } else {
                FontIcon icon = new FontIcon(errors.getOrDefault(line + 1, false) ? Feather.X_CIRCLE : Feather.ALERT_TRIANGLE);
                icon.getStyleClass().add(errors.getOrDefault(line + 1, false) ? "problem-error-icon" : "problem-warning-icon");
                Label l = new Label(null, icon);
                l.setMinWidth(16);
                Tooltip.install(l, new Tooltip(String.join("\n", here)));
                mark = l;
            }
            HBox box = new HBox(2, mark, number);
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        });
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    /**
     * Shows the text highlighted for its language; {@code lineProblems} maps 1-based lines to
     * messages; {@code errorLines} marks the lines whose problems include an error.
     */
    public void show(String text, Language language, Map<Integer, List<String>> lineProblems, Map<Integer, Boolean> errorLines) {
        this.problems = Map.copyOf(lineProblems);
        this.errors = Map.copyOf(errorLines);
        area.replaceText(text);
        if (!text.isEmpty()) {
            area.setStyleSpans(0, Highlighter.spans(text, language));
        }
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            List<String> style = lineProblems.containsKey(i + 1)
                    ? List.of(errorLines.getOrDefault(i + 1, false) ? "problem-error-line" : "problem-warning-line")
                    : List.of();
            area.setParagraphStyle(i, style);
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }

    /** Scrolls to a 1-based line and puts the caret there. */
    public void goToLine(int line) {
        int p = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(p, 0);
        area.showParagraphAtTop(Math.max(0, p - 3));
    }

    public String text() {
        return area.getText();
    }

    /** The 1-based lines marked with problems, for tests. */
    public java.util.Set<Integer> markedLines() {
        return problems.keySet();
    }

    /** The CSS classes of a 1-based line's paragraph, for tests. */
    public java.util.Collection<String> lineStyle(int line) {
        return area.getParagraph(line - 1).getParagraphStyle();
    }
}
