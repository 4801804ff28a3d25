package org.envforge.trajectory.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.envforge.action.Action;

/**
 * OSWorld's pyautogui action space: short Python programs of {@code pyautogui.*} calls (and
 * {@code time.sleep}). Reads the calls agents use into EnvForge actions, without running any
 * Python, and writes EnvForge actions back as such programs. Anything else (loops, variables,
 * other modules) is refused with a message; the caller keeps the original text.
 */
public final class PyAutoGui {

    private PyAutoGui() {
    }

    /** Parses a program; throws {@link IllegalArgumentException} naming the statement it cannot read. */
    public static List<Action> parse(String code) {
        String trimmed = code.strip();
        switch (trimmed) {
            case "DONE" -> {
                return List.of(new Action.Done());
            }
            case "FAIL" -> {
                return List.of(new Action.Fail());
            }
            case "WAIT" -> {
                return List.of(new Action.Wait(1000));
            }
            default -> {
            }
        }
        List<Action> out = new ArrayList<>();
        for (String statement : statements(code)) {
            String s = statement.strip();
            if (s.isEmpty() || s.startsWith("#") || s.startsWith("import ") || s.startsWith("from ")) {
                continue;
            }
            if (s.equals("DONE") || s.equals("FAIL") || s.equals("WAIT")) {
                out.addAll(parse(s));
                continue;
            }
            try {
                out.addAll(call(s));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read \"" + abbreviate(s) + "\": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Writes actions as a pyautogui program (one call per line). */
    public static String toCode(List<Action> actions) {
        StringBuilder sb = new StringBuilder();
        for (Action a : actions) {
            String line = line(a);
            if (!line.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(line);
            }
        }
        return sb.toString();
    }

    private static String line(Action a) {
        if (a instanceof Action.Click c) {
            String at = c.x() == null ? "" : c.x() + ", " + c.y();
            String fn = c.button() == Action.Button.RIGHT && c.count() == 1 ? "rightClick"
                    : c.button() == Action.Button.LEFT && c.count() == 2 ? "doubleClick"
                    : c.button() == Action.Button.LEFT && c.count() == 3 ? "tripleClick" : "click";
            StringBuilder args = new StringBuilder(at);
            if (fn.equals("click") && c.count() != 1) {
                args.append(args.length() > 0 ? ", " : "").append("clicks=").append(c.count());
            }
            if (fn.equals("click") && c.button() != Action.Button.LEFT) {
                args.append(args.length() > 0 ? ", " : "").append("button='").append(button(c.button())).append('\'');
            }
            return "pyautogui." + fn + "(" + args + ")";
        }
        if (a instanceof Action.MoveTo m) {
            return "pyautogui.moveTo(" + m.x() + ", " + m.y() + ")";
        }
        if (a instanceof Action.Drag d) {
            StringBuilder sb = new StringBuilder("pyautogui.moveTo(" + d.path().get(0).x() + ", " + d.path().get(0).y() + ")");
            for (int i = 1; i < d.path().size(); i++) {
                sb.append("\npyautogui.dragTo(").append(d.path().get(i).x()).append(", ").append(d.path().get(i).y())
                        .append(", duration=0.5, button='left')");
            }
            return sb.toString();
        }
        if (a instanceof Action.DragTo d) {
            return "pyautogui.dragTo(" + d.x() + ", " + d.y() + ", duration=0.5, button='left')";
        }
        if (a instanceof Action.Scroll s) {
            StringBuilder sb = new StringBuilder();
            String at = s.x() == null ? "" : ", x=" + s.x() + ", y=" + s.y();
            if (s.dy() != 0) {
                sb.append("pyautogui.scroll(").append(-s.dy()).append(at).append(')');
            }
            if (s.dx() != 0) {
                sb.append(sb.length() > 0 ? "\n" : "").append("pyautogui.hscroll(").append(s.dx()).append(at).append(')');
            }
            return sb.toString();
        }
        if (a instanceof Action.TypeText t) {
            return "pyautogui.typewrite(" + quote(t.text()) + ", interval=0.01)";
        }
        if (a instanceof Action.Key k) {
            if (k.keys().size() == 1) {
                return "pyautogui.press(" + quote(k.keys().get(0)) + ")";
            }
            return "pyautogui.hotkey(" + String.join(", ", k.keys().stream().map(PyAutoGui::quote).toList()) + ")";
        }
        if (a instanceof Action.KeyDown k) {
            return "pyautogui.keyDown(" + quote(k.key()) + ")";
        }
        if (a instanceof Action.KeyUp k) {
            return "pyautogui.keyUp(" + quote(k.key()) + ")";
        }
        if (a instanceof Action.MouseDown d) {
            return "pyautogui.mouseDown(button='" + button(d.button()) + "')";
        }
        if (a instanceof Action.MouseUp u) {
            return "pyautogui.mouseUp(button='" + button(u.button()) + "')";
        }
        if (a instanceof Action.Wait w) {
            return "time.sleep(" + (w.millis() / 1000.0) + ")";
        }
        if (a instanceof Action.WaitForWindow w) {
            return "time.sleep(" + (w.timeoutMillis() / 1000.0) + ")  # wait for window " + w.titlePattern();
        }
        if (a instanceof Action.Done) {
            return "DONE";
        }
        if (a instanceof Action.Fail) {
            return "FAIL";
        }
        throw new IllegalArgumentException("no pyautogui form for " + a);
    }

    private static String button(Action.Button b) {
        return b.name().toLowerCase(Locale.ROOT);
    }

    /** A Python string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }

    // Reading ------------------------------------------------------------------------------------

    /** Splits on newlines and semicolons outside strings and brackets. */
    static List<String> statements(String code) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < code.length()) {
                    cur.append(code.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '#' ) {
                while (i + 1 < code.length() && code.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            if ((c == '\n' || c == ';') && depth <= 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated string");
        }
        out.add(cur.toString());
        return out;
    }

    private record Args(List<Object> positional, Map<String, Object> named) {

        Object get(int i, String name) {
            if (named.containsKey(name)) {
                return named.get(name);
            }
            return i < positional.size() ? positional.get(i) : null;
        }

        Integer integer(int i, String name) {
            Object o = get(i, name);
            if (o == null) {
                return null;
            }
            if (o instanceof Number n) {
                return (int) Math.round(n.doubleValue());
            }
            throw new IllegalArgumentException(name + ": expected a number, not " + o);
        }

        String string(int i, String name) {
            Object o = get(i, name);
            if (o instanceof String s) {
                return s;
            }
            throw new IllegalArgumentException(name + ": expected a string");
        }
    }

    private static List<Action> call(String s) {
        int open = s.indexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            throw new IllegalArgumentException("expected a call such as pyautogui.click(x, y)");
        }
        String fn = s.substring(0, open).strip();
        Args args = new Lexer(s.substring(open + 1, s.length() - 1)).args();
        if (fn.equals("time.sleep")) {
            Object secs = args.get(0, "secs");
            if (!(secs instanceof Number n)) {
                throw new IllegalArgumentException("time.sleep: expected seconds");
            }
            return List.of(new Action.Wait(Math.round(n.doubleValue() * 1000)));
        }
        if (!fn.startsWith("pyautogui.")) {
            throw new IllegalArgumentException("only pyautogui calls and time.sleep are understood");
        }
        String name = fn.substring("pyautogui.".length());
        return switch (name) {
            case "click" -> List.of(click(args, buttonArg(args, 4, Action.Button.LEFT), countArg(args)));
            case "leftClick" -> List.of(click(args, Action.Button.LEFT, 1));
            case "doubleClick" -> List.of(click(args, buttonArg(args, 3, Action.Button.LEFT), 2));
            case "tripleClick" -> List.of(click(args, buttonArg(args, 3, Action.Button.LEFT), 3));
            case "rightClick" -> List.of(click(args, Action.Button.RIGHT, 1));
            case "middleClick" -> List.of(click(args, Action.Button.MIDDLE, 1));
            case "moveTo" -> {
                int[] p = point(args);
                if (p == null) {
                    throw new IllegalArgumentException("moveTo needs x and y");
                }
                yield List.of(new Action.MoveTo(p[0], p[1]));
            }
            case "dragTo" -> {
                int[] p = point(args);
                if (p == null) {
                    throw new IllegalArgumentException("dragTo needs x and y");
                }
                yield List.of(new Action.DragTo(p[0], p[1]));
            }
            case "mouseDown", "mouseUp" -> {
                List<Action> out = new ArrayList<>();
                int[] p = point(args);
                if (p != null) {
                    out.add(new Action.MoveTo(p[0], p[1]));
                }
                Action.Button b = buttonArg(args, 2, Action.Button.LEFT);
                out.add(name.equals("mouseDown") ? new Action.MouseDown(b) : new Action.MouseUp(b));
                yield out;
            }
            case "scroll", "vscroll", "hscroll" -> {
                Integer clicks = args.integer(0, "clicks");
                if (clicks == null) {
                    throw new IllegalArgumentException(name + " needs a number of clicks");
                }
                Integer x = args.integer(1, "x");
                Integer y = args.integer(2, "y");
                boolean h = name.equals("hscroll");
                yield List.of(new Action.Scroll(x, x == null ? null : y, h ? clicks : 0, h ? 0 : -clicks));
            }
            case "typewrite", "write" -> {
                Object msg = args.get(0, "message");
                if (msg instanceof List<?> keys) {
                    List<Action> out = new ArrayList<>();
                    for (Object k : keys) {
                        out.add(new Action.Key(List.of(String.valueOf(k))));
                    }
                    yield out;
                }
                yield List.of(new Action.TypeText(args.string(0, "message")));
            }
            case "press" -> {
                Object keys = args.get(0, "keys");
                Integer presses = args.integer(1, "presses");
                List<String> list = new ArrayList<>();
                if (keys instanceof List<?> l) {
                    l.forEach(k -> list.add(String.valueOf(k)));
                } else if (keys instanceof String k) {
                    list.add(k);
                } else {
                    throw new IllegalArgumentException("press needs a key name");
                }
                List<Action> out = new ArrayList<>();
                for (int i = 0; i < (presses == null ? 1 : Math.max(1, Math.min(presses, 100))); i++) {
                    list.forEach(k -> out.add(new Action.Key(List.of(k))));
                }
                yield out;
            }
            case "hotkey" -> {
                List<String> keys = new ArrayList<>();
                for (Object o : args.positional()) {
                    if (o instanceof List<?> l) {
                        l.forEach(k -> keys.add(String.valueOf(k)));
                    } else {
                        keys.add(String.valueOf(o));
                    }
                }
                if (keys.isEmpty()) {
                    throw new IllegalArgumentException("hotkey needs keys");
                }
                yield List.of(new Action.Key(keys));
            }
            case "keyDown" -> List.of(new Action.KeyDown(args.string(0, "key")));
            case "keyUp" -> List.of(new Action.KeyUp(args.string(0, "key")));
            case "sleep" -> {
                Object secs = args.get(0, "seconds");
                if (!(secs instanceof Number n)) {
                    throw new IllegalArgumentException("sleep: expected seconds");
                }
                yield List.of(new Action.Wait(Math.round(n.doubleValue() * 1000)));
            }
            default -> throw new IllegalArgumentException("pyautogui." + name + " is not supported");
        };
    }

    private static Action click(Args args, Action.Button button, int clicks) {
        int count = button == Action.Button.LEFT ? clicks : 1;
        int[] p = point(args);
        return p == null ? new Action.Click(null, null, button, count) : new Action.Click(p[0], p[1], button, count);
    }

    private static int countArg(Args args) {
        Integer n = args.integer(2, "clicks");
        return n == null ? 1 : Math.max(1, Math.min(n, 3));
    }

    private static Action.Button buttonArg(Args args, int position, Action.Button dflt) {
        Object b = args.get(position, "button");
        if (b == null) {
            return dflt;
        }
        return switch (String.valueOf(b).toLowerCase(Locale.ROOT)) {
            case "left", "primary" -> Action.Button.LEFT;
            case "right", "secondary" -> Action.Button.RIGHT;
            case "middle" -> Action.Button.MIDDLE;
            default -> throw new IllegalArgumentException("unknown button " + b);
        };
    }

    /** x, y from (x, y), x=.., y=.. or a first argument (x, y) tuple; null when absent. */
    private static int[] point(Args args) {
        Object first = args.get(0, "x");
        if (first instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            return new int[] {(int) Math.round(a.doubleValue()), (int) Math.round(b.doubleValue())};
        }
        Integer x = args.integer(0, "x");
        Integer y = args.integer(1, "y");
        if (x == null && y == null) {
            return null;
        }
        if (x == null || y == null) {
            throw new IllegalArgumentException("needs both x and y");
        }
        return new int[] {x, y};
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 79) + "\u2026" : s;
    }

    /** Reads Python literal arguments: strings, numbers, True/False/None, lists and tuples, name=value. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        Args args() {
            List<Object> pos = new ArrayList<>();
            Map<String, Object> named = new LinkedHashMap<>();
            skip();
            while (i < s.length()) {
                int save = i;
                String ident = identifier();
                skip();
                if (ident != null && i < s.length() && s.charAt(i) == '=') {
                    i++;
                    named.put(ident, value());
                } else {
                    i = save;
                    if (!named.isEmpty()) {
                        throw new IllegalArgumentException("a positional argument after a named one");
                    }
                    pos.add(value());
                }
                skip();
                if (i < s.length()) {
                    if (s.charAt(i) != ',') {
                        throw new IllegalArgumentException("expected ',' at column " + (i + 1));
                    }
                    i++;
                    skip();
                }
            }
            return new Args(pos, named);
        }

        private String identifier() {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
            if (i == start || Character.isDigit(s.charAt(start))) {
                i = start;
                return null;
            }
            return s.substring(start, i);
        }

        private Object value() {
            skip();
            if (i >= s.length()) {
                throw new IllegalArgumentException("missing value");
            }
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '[' || c == '(') {
                char close = c == '[' ? ']' : ')';
                i++;
                List<Object> items = new ArrayList<>();
                skip();
                while (i < s.length() && s.charAt(i) != close) {
                    items.add(value());
                    skip();
                    if (i < s.length() && s.charAt(i) == ',') {
                        i++;
                        skip();
                    }
                }
                if (i >= s.length()) {
                    throw new IllegalArgumentException("unclosed " + c);
                }
                i++;
                return items;
            }
            int start = i;
            while (i < s.length() && ",)]".indexOf(s.charAt(i)) < 0 && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            String word = s.substring(start, i);
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                default:
                    try {
                        return Double.parseDouble(word);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("\"" + word + "\" is not a literal (variables are not supported)");
                    }
            }
        }

        private String string() {
            char q = s.charAt(i++);
            StringBuilder sb = new StringBuilder();
            while (i < s.length() && s.charAt(i) != q) {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case '0' -> sb.append('\0');
                        case 'x' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, Math.min(i + 2, s.length())), 16));
                            i += 2;
                        }
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, Math.min(i + 4, s.length())), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            if (i >= s.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            i++;
            return sb.toString();
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
