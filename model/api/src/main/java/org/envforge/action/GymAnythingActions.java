package org.envforge.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Gym-Anything's action dicts: {@code {"mouse":{"left_click":[x,y]}}}, right_click, double_click,
 * triple_click, {@code left_click_drag:[[x1,y1],[x2,y2]]}, move, {@code scroll: dy};
 * {@code {"keyboard":{"text":"..."}}}, {@code {"keyboard":{"keys":["ctrl","s"]}}}; control
 * actions {@code {"control":{"wait":seconds}}}, done and fail. EnvForge's extensions use the same
 * shape ({@code {"control":{"wait_for_window":{"title":"...","timeout":s}}}}).
 */
public final class GymAnythingActions {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GymAnythingActions() {
    }

    public static ObjectNode toJson(Action a) {
        ObjectNode root = F.objectNode();
        if (a instanceof Action.MoveTo m) {
            root.putObject("mouse").set("move", point(m.x(), m.y()));
        } else if (a instanceof Action.Click c) {
            if (c.button() != Action.Button.LEFT && c.count() > 1) {
                throw new IllegalArgumentException("Gym-Anything has no multi-click for " + c.button());
            }
            String kind = c.button() == Action.Button.RIGHT ? "right_click"
                    : c.button() == Action.Button.MIDDLE ? "middle_click"
                    : c.count() == 1 ? "left_click" : c.count() == 2 ? "double_click" : "triple_click";
            root.putObject("mouse").set(kind, c.x() == null ? F.nullNode() : point(c.x(), c.y()));
        } else if (a instanceof Action.Drag d) {
            ArrayNode path = F.arrayNode();
            d.path().forEach(p -> path.add(point(p.x(), p.y())));
            root.putObject("mouse").set("left_click_drag", path);
        } else if (a instanceof Action.DragTo d) {
            root.putObject("mouse").set("drag_to", point(d.x(), d.y()));
        } else if (a instanceof Action.Scroll s) {
            ObjectNode m = root.putObject("mouse");
            m.put("scroll", s.dy());
            if (s.dx() != 0) {
                m.put("hscroll", s.dx());
            }
            if (s.x() != null) {
                m.set("at", point(s.x(), s.y()));
            }
        } else if (a instanceof Action.MouseDown d) {
            root.putObject("mouse").put("down", d.button().name().toLowerCase(java.util.Locale.ROOT));
        } else if (a instanceof Action.MouseUp u) {
            root.putObject("mouse").put("up", u.button().name().toLowerCase(java.util.Locale.ROOT));
        } else if (a instanceof Action.TypeText t) {
            root.putObject("keyboard").put("text", t.text());
        } else if (a instanceof Action.Key k) {
            ArrayNode keys = root.putObject("keyboard").putArray("keys");
            k.keys().forEach(keys::add);
        } else if (a instanceof Action.KeyDown d) {
            root.putObject("keyboard").put("down", d.key());
        } else if (a instanceof Action.KeyUp u) {
            root.putObject("keyboard").put("up", u.key());
        } else if (a instanceof Action.Wait w) {
            root.putObject("control").put("wait", w.millis() / 1000.0);
        } else if (a instanceof Action.WaitForWindow w) {
            ObjectNode o = root.putObject("control").putObject("wait_for_window");
            o.put("title", w.titlePattern());
            o.put("timeout", w.timeoutMillis() / 1000.0);
        } else if (a instanceof Action.Done) {
            root.put("control", "done");
        } else if (a instanceof Action.Fail) {
            root.put("control", "fail");
        } else {
            throw new IllegalArgumentException("unknown action " + a);
        }
        return root;
    }

    public static ArrayNode toJson(List<Action> actions) {
        ArrayNode arr = F.arrayNode();
        actions.forEach(a -> arr.add(toJson(a)));
        return arr;
    }

    /** Parses one dict; throws IllegalArgumentException naming what is wrong. */
    public static Action fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("an action must be an object");
        }
        if (n.has("mouse")) {
            JsonNode m = n.get("mouse");
            if (!m.isObject() || m.size() != 1 && !(m.has("scroll") || m.has("at"))) {
                throw new IllegalArgumentException("mouse: expected one of left_click, right_click, double_click, "
                        + "triple_click, left_click_drag, move, scroll");
            }
            if (m.has("left_click")) {
                return click(m.get("left_click"), Action.Button.LEFT, 1);
            }
            if (m.has("double_click")) {
                return click(m.get("double_click"), Action.Button.LEFT, 2);
            }
            if (m.has("triple_click")) {
                return click(m.get("triple_click"), Action.Button.LEFT, 3);
            }
            if (m.has("right_click")) {
                return click(m.get("right_click"), Action.Button.RIGHT, 1);
            }
            if (m.has("middle_click")) {
                return click(m.get("middle_click"), Action.Button.MIDDLE, 1);
            }
            if (m.has("move")) {
                Action.Point p = point(m.get("move"));
                return new Action.MoveTo(p.x(), p.y());
            }
            if (m.has("left_click_drag")) {
                JsonNode path = m.get("left_click_drag");
                if (!path.isArray()) {
                    throw new IllegalArgumentException("left_click_drag: expected [[x1,y1],[x2,y2]]");
                }
                List<Action.Point> pts = new ArrayList<>();
                path.forEach(p -> pts.add(point(p)));
                return new Action.Drag(pts);
            }
            if (m.has("drag_to")) {
                Action.Point p = point(m.get("drag_to"));
                return new Action.DragTo(p.x(), p.y());
            }
            if (m.has("scroll")) {
                Action.Point at = m.has("at") ? point(m.get("at")) : null;
                return new Action.Scroll(at == null ? null : at.x(), at == null ? null : at.y(),
                        m.path("hscroll").asInt(0), integer(m.get("scroll"), "scroll"));
            }
            if (m.has("down")) {
                return new Action.MouseDown(button(m.get("down").asText()));
            }
            if (m.has("up")) {
                return new Action.MouseUp(button(m.get("up").asText()));
            }
            throw new IllegalArgumentException("mouse: unknown action " + m.fieldNames().next());
        }
        if (n.has("keyboard")) {
            JsonNode k = n.get("keyboard");
            if (k.has("text")) {
                return new Action.TypeText(k.get("text").asText());
            }
            if (k.has("keys")) {
                JsonNode keys = k.get("keys");
                List<String> list = new ArrayList<>();
                if (keys.isArray()) {
                    keys.forEach(x -> list.add(x.asText()));
                } else if (keys.isTextual()) {
                    list.add(keys.asText());
                } else {
                    throw new IllegalArgumentException("keyboard.keys: expected a list of key names");
                }
                return new Action.Key(list);
            }
            if (k.has("down")) {
                return new Action.KeyDown(k.get("down").asText());
            }
            if (k.has("up")) {
                return new Action.KeyUp(k.get("up").asText());
            }
            throw new IllegalArgumentException("keyboard: expected text or keys");
        }
        JsonNode c = n.has("control") ? n.get("control") : n;
        if (c.isTextual()) {
            return switch (c.asText()) {
                case "done", "DONE" -> new Action.Done();
                case "fail", "FAIL" -> new Action.Fail();
                case "wait", "WAIT" -> new Action.Wait(1000);
                default -> throw new IllegalArgumentException("control: unknown action " + c.asText());
            };
        }
        if (c.has("wait")) {
            return new Action.Wait(Math.round(c.get("wait").asDouble() * 1000));
        }
        if (c.has("wait_for_window")) {
            JsonNode w = c.get("wait_for_window");
            return new Action.WaitForWindow(w.path("title").asText(), Math.round(w.path("timeout").asDouble(10) * 1000));
        }
        throw new IllegalArgumentException("expected a mouse, keyboard or control action");
    }

    public static List<Action> fromJsonList(JsonNode arr) {
        if (arr == null || !arr.isArray()) {
            throw new IllegalArgumentException("expected a list of actions");
        }
        List<Action> out = new ArrayList<>(arr.size());
        int i = 0;
        for (JsonNode n : arr) {
            try {
                out.add(fromJson(n));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("/" + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return out;
    }

    private static Action click(JsonNode at, Action.Button b, int count) {
        if (at == null || at.isNull()) {
            return new Action.Click(null, null, b, count);
        }
        Action.Point p = point(at);
        return new Action.Click(p.x(), p.y(), b, count);
    }

    private static Action.Button button(String s) {
        try {
            return Action.Button.valueOf(s.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mouse button " + s);
        }
    }

    static ArrayNode point(int x, int y) {
        return F.arrayNode().add(x).add(y);
    }

    static Action.Point point(JsonNode n) {
        if (n == null || !n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw new IllegalArgumentException("expected a point [x, y], found " + n);
        }
        return new Action.Point((int) Math.round(n.get(0).asDouble()), (int) Math.round(n.get(1).asDouble()));
    }

    private static int integer(JsonNode n, String what) {
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(what + ": expected a number");
        }
        return n.asInt();
    }
}
