package org.envforge.views.code;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Regular-expression syntax highlighting for JSON, shell and Python, as RichTextFX style spans.
 * Each pattern has named groups; the group that matched names the CSS class.
 */
public final class Highlighter {

    private static final Pattern JSON = Pattern.compile(
            "(?<key>\"(?:[^\"\\\\]++|\\\\.)*+\"(?=\\s*:))"
                    + "|(?<string>\"(?:[^\"\\\\]++|\\\\.)*+\")"
                    + "|(?<number>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                    + "|(?<keyword>\\b(?:true|false|null)\\b)"
                    + "|(?<brace>[{}\\[\\]])");

    private static final Pattern SHELL = Pattern.compile(
            "(?<comment>#[^\\n]*)"
                    + "|(?<string>\"(?:[^\"\\\\]++|\\\\.)*+\"|'[^']*+')"
                    + "|(?<variable>\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?|\\$[0-9@#?*])"
                    + "|(?<keyword>\\b(?:if|then|else|elif|fi|for|while|until|do|done|case|esac|in|function|return|exit|export|local"
                    + "|set|source|echo|sleep)\\b)"
                    + "|(?<number>\\b\\d+\\b)");

    private static final Pattern PYTHON = Pattern.compile(
            "(?<comment>#[^\\n]*)"
                    + "|(?<string>\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''|\"(?:[^\"\\\\\\n]++|\\\\.)*+\"|'(?:[^'\\\\\\n]++|\\\\.)*+')"
                    + "|(?<decorator>@[A-Za-z_][A-Za-z0-9_.]*)"
                    + "|(?<keyword>\\b(?:def|class|return|if|elif|else|for|while|in|not|and|or|is|import|from|as|try|except|finally"
                    + "|raise|with|lambda|yield|pass|break|continue|None|True|False|global|nonlocal|assert)\\b)"
                    + "|(?<number>\\b\\d+(?:\\.\\d+)?\\b)");

    private static final List<String> GROUPS = List.of("key", "string", "number", "keyword", "brace", "comment", "variable",
            "decorator");

    private Highlighter() {
    }

    public static StyleSpans<Collection<String>> spans(String text, Language language) {
        Pattern p = switch (language) {
            case JSON -> JSON;
            case SHELL -> SHELL;
            case PYTHON -> PYTHON;
            case PLAIN -> null;
        };
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        if (p == null) {
            b.add(Collections.emptyList(), text.length());
            return b.create();
        }
        Matcher m = p.matcher(text);
        int last = 0;
        while (m.find()) {
            String cls = null;
            for (String g : GROUPS) {
                try {
                    if (m.group(g) != null) {
                        cls = "code-" + g;
                        break;
                    }
                } catch (IllegalArgumentException noSuchGroup) {
                    // this language has no such group
                }
            }
            b.add(Collections.emptyList(), m.start() - last);
            b.add(cls == null ? Collections.emptyList() : List.of(cls), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }
}
