package org.envforge.views.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    private static List<String> classesOf(String text, Language lang, String fragment) {
        StyleSpans<Collection<String>> spans = Highlighter.spans(text, lang);
        int pos = 0;
        int at = text.indexOf(fragment);
        List<String> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> s : spans) {
            if (at >= pos && at < pos + s.getLength()) {
                out.addAll(s.getStyle());
            }
            pos += s.getLength();
        }
        assertThat(pos).isEqualTo(text.length());
        return out;
    }

    @Test
    void jsonKeysStringsNumbersAndKeywords() {
        String json = "{\"id\": \"x\", \"n\": 12.5, \"ok\": true}";
        assertThat(classesOf(json, Language.JSON, "\"id\"")).containsExactly("code-key");
        assertThat(classesOf(json, Language.JSON, "\"x\"")).containsExactly("code-string");
        assertThat(classesOf(json, Language.JSON, "12.5")).containsExactly("code-number");
        assertThat(classesOf(json, Language.JSON, "true")).containsExactly("code-keyword");
    }

    @Test
    void shellAndPython() {
        assertThat(classesOf("echo \"$HOME\" # hi", Language.SHELL, "# hi")).containsExactly("code-comment");
        assertThat(classesOf("x=$DISPLAY", Language.SHELL, "$DISPLAY")).containsExactly("code-variable");
        assertThat(classesOf("def f():\n    return 'a'", Language.PYTHON, "def")).containsExactly("code-keyword");
        assertThat(classesOf("@pytest.fixture\ndef f(): pass", Language.PYTHON, "@pytest")).containsExactly("code-decorator");
        assertThat(Language.of("verifier.py")).isEqualTo(Language.PYTHON);
        assertThat(Language.of("setup_task.sh")).isEqualTo(Language.SHELL);
    }

    @Test
    void longStringsDoNotOverflowTheStack() {
        String big = "{\"k\": \"" + "a\\\"b ".repeat(200_000) + "\"}";
        assertThat(classesOf(big, Language.JSON, "\"k\"")).containsExactly("code-key");
    }
}
