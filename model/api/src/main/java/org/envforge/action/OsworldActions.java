package org.envforge.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OSWorld's computer_13 action space: {@code {"action_type": "CLICK", "parameters": {...}}} with
 * MOVE_TO, CLICK, MOUSE_DOWN, MOUSE_UP, RIGHT_CLICK, DOUBLE_CLICK, DRAG_TO, SCROLL, TYPING, PRESS,
 * KEY_DOWN, KEY_UP, HOTKEY, WAIT, FAIL, DONE. DRAG_TO drags from the current pointer position, so
 * an EnvForge drag becomes MOVE_TO + DRAG_TO (and a path with more points becomes a chain), and
 * DRAG_TO reads back as {@link Action.DragTo}.
 */
public final class OsworldActions {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OsworldActions() {
    }

    /** One EnvForge action as one or more computer_13 actions. */
    public static List<ObjectNode> toJson(Action a) {
        List<ObjectNode> out = new ArrayList<>(2);
        if (a instanceof Action.MoveTo m) {
            out.add(act("MOVE_TO", xy(m.x(), m.y())));
        } else if (a instanceof Action.Click c) {
            ObjectNode p = c.x() == null ? F.objectNode() : xy(c.x(), c.y());
            if (c.button() == Action.Button.RIGHT && c.count() == 1) {
                out.add(act("RIGHT_CLICK", p));
            } else if (c.button() == Action.Button.LEFT && c.count() == 2) {
                out.add(act("DOUBLE_CLICK", p));
            } else {
                p.put("button", c.button().name().toLowerCase(Locale.ROOT)).put("num_clicks", c.count());
                out.add(act("CLICK", p));
            }
        } else if (a instanceof Action.MouseDown d) {
            out.add(act("MOUSE_DOWN", F.objectNode().put("button", d.button().name().toLowerCase(Locale.ROOT))));
        } else if (a instanceof Action.MouseUp u) {
            out.add(act("MOUSE_UP", F.objectNode().put("button", u.button().name().toLowerCase(Locale.ROOT))));
        } else if (a instanceof Action.Drag d) {
            out.add(act("MOVE_TO", xy(d.path().get(0).x(), d.path().get(0).y())));
            for (int i = 1; i < d.path().size(); i++) {
                out.add(act("DRAG_TO", xy(d.path().get(i).x(), d.path().get(i).y())));
            }
        } else if (a instanceof Action.DragTo d) {
            out.add(act("DRAG_TO", xy(d.x(), d.y())));
        } else if (a instanceof Action.Scroll s) {
            if (s.x() != null) {
                out.add(act("MOVE_TO", xy(s.x(), s.y())));
            }
            // computer_13 (pyautogui) scrolls up for positive dy; EnvForge scrolls down.
            out.add(act("SCROLL", F.objectNode().put("dx", s.dx()).put("dy", -s.dy())));
        } else if (a instanceof Action.TypeText t) {
            out.add(act("TYPING", F.objectNode().put("text", t.text())));
        } else if (a instanceof Action.Key k) {
            if (k.keys().size() == 1) {
                out.add(act("PRESS", F.objectNode().put("key", k.keys().get(0))));
            } else {
                ObjectNode p = F.objectNode();
                k.keys().forEach(p.putArray("keys")::add);
                out.add(act("HOTKEY", p));
            }
        } else if (a instanceof Action.KeyDown d) {
            out.add(act("KEY_DOWN", F.objectNode().put("key", d.key())));
        } else if (a instanceof Action.KeyUp u) {
            out.add(act("KEY_UP", F.objectNode().put("key", u.key())));
        } else if (a instanceof Action.Wait || a instanceof Action.WaitForWindow) {
            out.add(act("WAIT", F.objectNode()));
        } else if (a instanceof Action.Done) {
            out.add(act("DONE", F.objectNode()));
        } else if (a instanceof Action.Fail) {
            out.add(act("FAIL", F.objectNode()));
        } else {
            throw new IllegalArgumentException("unknown action " + a);
        }
        return out;
    }

    /** Parses one computer_13 action; throws IllegalArgumentException naming what is wrong. */
    public static Action fromJson(JsonNode n) {
        if (n == null || !n.isObject() || !n.hasNonNull("action_type")) {
            throw new IllegalArgumentException("a computer_13 action needs an action_type");
        }
        String type = n.get("action_type").asText().toUpperCase(Locale.ROOT);
        JsonNode p = n.path("parameters");
        return switch (type) {
            case "MOVE_TO" -> new Action.MoveTo(req(p, "x"), req(p, "y"));
            case "CLICK" -> new Action.Click(opt(p, "x"), opt(p, "y"), button(p.path("button").asText("left")),
                    p.path("num_clicks").asInt(1));
            case "RIGHT_CLICK" -> new Action.Click(opt(p, "x"), opt(p, "y"), Action.Button.RIGHT, 1);
            case "DOUBLE_CLICK" -> new Action.Click(opt(p, "x"), opt(p, "y"), Action.Button.LEFT, 2);
            case "MOUSE_DOWN" -> new Action.MouseDown(button(p.path("button").asText("left")));
            case "MOUSE_UP" -> new Action.MouseUp(button(p.path("button").asText("left")));
            case "DRAG_TO" -> new Action.DragTo(req(p, "x"), req(p, "y"));
            case "SCROLL" -> new Action.Scroll(null, null, p.path("dx").asInt(0), -p.path("dy").asInt(0));
            case "TYPING" -> new Action.TypeText(p.path("text").asText());
            case "PRESS" -> new Action.Key(List.of(p.path("key").asText()));
            case "KEY_DOWN" -> new Action.KeyDown(p.path("key").asText());
            case "KEY_UP" -> new Action.KeyUp(p.path("key").asText());
            case "HOTKEY" -> {
                List<String> keys = new ArrayList<>();
                p.path("keys").forEach(k -> keys.add(k.asText()));
                yield new Action.Key(keys);
            }
            case "WAIT" -> new Action.Wait(1000);
            case "DONE" -> new Action.Done();
            case "FAIL" -> new Action.Fail();
            default -> throw new IllegalArgumentException("unknown computer_13 action_type " + type);
        };
    }

    private static ObjectNode xy(int x, int y) {
        return F.objectNode().put("x", x).put("y", y);
    }

    private static ObjectNode act(String type, ObjectNode params) {
        ObjectNode o = F.objectNode();
        o.put("action_type", type);
        o.set("parameters", params);
        return o;
    }

    private static int req(JsonNode p, String f) {
        if (!p.path(f).isNumber()) {
            throw new IllegalArgumentException("parameters." + f + ": expected a number");
        }
        return (int) Math.round(p.get(f).asDouble());
    }

    private static Integer opt(JsonNode p, String f) {
        return p.path(f).isNumber() ? (int) Math.round(p.get(f).asDouble()) : null;
    }

    private static Action.Button button(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "right" -> Action.Button.RIGHT;
            case "middle" -> Action.Button.MIDDLE;
            default -> Action.Button.LEFT;
        };
    }
}
