package org.envforge.agent.llm;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.envforge.action.Action;
import org.envforge.action.GymAnythingActions;
import org.envforge.action.OsworldActions;
import org.envforge.agent.ComputerUseAgent.Decision;

/**
 * Reads a computer-use model's reply into a decision for a screen of a given size. The JSON is
 * taken from a code fence when there is one, else from the first bracket among the prose that
 * starts a whole JSON value. Accepted: {@code {"thought": "...", "action": A}}, where A is a
 * Gym-Anything dict or an OSWorld computer_13 object, alone or in a one-element list (also under
 * "actions"); the same wrapped in a one-element list; a bare action; and OSWorld's plain
 * {@code DONE}, {@code FAIL} or {@code WAIT}. Points must lie on the screen and typed text must
 * not be empty. Anything else is refused with a reason the model can act on.
 */
final class ComputerUseReplies {

    /** How many opening brackets are tried before giving up on a reply full of prose. */
    static final int MAX_STARTS = 64;

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z0-9_-]*\\s*\\n?(.*?)```", Pattern.DOTALL);
    private static final Pattern PLAIN_CONTROL = Pattern.compile("(?i)[`\\s]*(done|fail|wait)[`\\s.]*");
    private static final String SHAPE = "{\"thought\": \"...\", \"action\": {...}}";

    private final int width;
    private final int height;

    ComputerUseReplies(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the screen size must be positive, was " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /** The decision in the reply; the thought is empty when the reply gives none. */
    Decision read(String reply) throws ReplyRejected {
        if (reply == null || reply.isBlank()) {
            throw new ReplyRejected("the reply is empty; expected one JSON object " + SHAPE);
        }
        Optional<Action> plain = plainControl(reply);
        if (plain.isPresent()) {
            return new Decision(plain.get(), "");
        }
        try {
            return decision(single(json(reply), "the reply"));
        } catch (RuntimeException e) {
            throw new ReplyRejected("the reply could not be read (" + e.getMessage() + "); expected " + SHAPE);
        }
    }

    private Decision decision(JsonNode root) throws ReplyRejected {
        if (root.isTextual() || isAction(root)) {
            return new Decision(action(root), "");
        }
        if (!root.isObject() || !(root.has("action") || root.has("actions"))) {
            throw new ReplyRejected("the reply has no \"action\"; expected " + SHAPE);
        }
        JsonNode action = single(root.has("action") ? root.get("action") : root.get("actions"), "\"action\"");
        return new Decision(action(action), thought(root.get("thought")));
    }

    private static String thought(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        return n.isTextual() ? n.asText().strip() : n.toString();
    }

    private static boolean isAction(JsonNode n) {
        return n.isObject() && (n.has("mouse") || n.has("keyboard") || n.has("control") || n.has("action_type"));
    }

    /** The one element of a list, or the node itself when it is not a list. */
    private static JsonNode single(JsonNode n, String what) throws ReplyRejected {
        if (!n.isArray()) {
            return n;
        }
        if (n.size() != 1) {
            throw new ReplyRejected(what + " is a list of " + n.size() + " actions; give exactly one action per reply "
                    + "(you see the screen again after it)");
        }
        return n.get(0);
    }

    // ---- the action

    private Action action(JsonNode n) throws ReplyRejected {
        Action a;
        try {
            a = parse(n);
        } catch (IllegalArgumentException e) {
            throw new ReplyRejected("the action " + clip(n.toString()) + " is not valid: " + e.getMessage());
        }
        check(a);
        return a;
    }

    private static Action parse(JsonNode n) throws ReplyRejected {
        if (n.isTextual()) {
            return textual(n.asText());
        }
        if (!n.isObject()) {
            throw new ReplyRejected("the action must be a JSON object such as {\"mouse\": {\"left_click\": [x, y]}}, found "
                    + clip(n.toString()));
        }
        boolean osworld = n.has("action_type");
        JsonNode text = osworld ? n.path("parameters").path("text") : n.path("keyboard").path("text");
        if (text.isNull() || text.isContainerNode()) {
            throw new ReplyRejected("the text to type must be a JSON string, found " + clip(text.toString()));
        }
        return osworld ? OsworldActions.fromJson(n) : GymAnythingActions.fromJson(n);
    }

    private static Action textual(String text) throws ReplyRejected {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (!t.equals("done") && !t.equals("fail") && !t.equals("wait")) {
            throw new ReplyRejected("the action \"" + clip(text) + "\" is not one of done, fail or wait; other actions are "
                    + "objects such as {\"mouse\": {\"left_click\": [x, y]}}");
        }
        return GymAnythingActions.fromJson(JsonNodeFactory.instance.objectNode().put("control", t));
    }

    private static Optional<Action> plainControl(String reply) throws ReplyRejected {
        Matcher m = PLAIN_CONTROL.matcher(reply);
        return m.matches() ? Optional.of(textual(m.group(1))) : Optional.empty();
    }

    /** Refuses points off the screen, empty typing and negative waits. */
    private void check(Action a) throws ReplyRejected {
        for (Action.Point p : points(a)) {
            if (p.x() < 0 || p.x() >= width || p.y() < 0 || p.y() >= height) {
                throw new ReplyRejected("the point (" + p.x() + ", " + p.y() + ") is off the screen; x must be from 0 to " + (width - 1)
                        + " and y from 0 to " + (height - 1) + " on this " + width + "x" + height + " screen");
            }
        }
        if (a instanceof Action.TypeText t && t.text().isEmpty()) {
            throw new ReplyRejected("the text to type is empty; give the text, or press keys with {\"keyboard\": {\"keys\": [...]}}");
        }
        if (a instanceof Action.Wait w && w.millis() < 0) {
            throw new ReplyRejected("a wait must not be negative, was " + w.millis() / 1000.0 + " s");
        }
    }

    /** The screen points an action touches. */
    static List<Action.Point> points(Action a) {
        List<Action.Point> out = new ArrayList<>(2);
        if (a instanceof Action.Click c && c.x() != null) {
            out.add(new Action.Point(c.x(), c.y()));
        } else if (a instanceof Action.MoveTo m) {
            out.add(new Action.Point(m.x(), m.y()));
        } else if (a instanceof Action.DragTo d) {
            out.add(new Action.Point(d.x(), d.y()));
        } else if (a instanceof Action.Drag d) {
            out.addAll(d.path());
        } else if (a instanceof Action.Scroll s && s.x() != null) {
            out.add(new Action.Point(s.x(), s.y()));
        }
        return out;
    }

    // ---- finding the JSON

    private static JsonNode json(String reply) throws ReplyRejected {
        List<String> candidates = new ArrayList<>();
        Matcher m = FENCE.matcher(reply);
        while (m.find()) {
            candidates.add(m.group(1));
        }
        candidates.add(reply);
        for (String c : candidates) {
            Optional<JsonNode> n = firstValue(c);
            if (n.isPresent()) {
                return n.get();
            }
        }
        throw new ReplyRejected("the reply holds no JSON object; reply with one JSON object " + SHAPE + " and nothing else");
    }

    /**
     * The first object, or list of objects or strings, that starts at a bracket of the text; the
     * text after it is ignored. A value cut off by the end of the text is refused: every later
     * bracket lies inside it.
     */
    private static Optional<JsonNode> firstValue(String text) throws ReplyRejected {
        int tried = 0;
        for (int i = 0; i < text.length() && tried < MAX_STARTS; i++) {
            char ch = text.charAt(i);
            if (ch != '{' && ch != '[') {
                continue;
            }
            tried++;
            try {
                JsonNode n = JsonReplies.JSON.readTree(text.substring(i));
                if (plausible(n)) {
                    return Optional.of(n);
                }
            } catch (JsonEOFException e) {
                throw new ReplyRejected("the JSON in the reply is cut off (" + e.getOriginalMessage().lines().findFirst().orElse("")
                        + "); reply with the whole object " + SHAPE);
            } catch (JacksonException e) {
                // prose in brackets: try the next bracket
            }
        }
        return Optional.empty();
    }

    private static boolean plausible(JsonNode n) {
        if (n == null) {
            return false;
        }
        if (n.isObject()) {
            return true;
        }
        return n.isArray() && !n.isEmpty() && (n.get(0).isObject() || n.get(0).isTextual());
    }

    private static String clip(String s) {
        return s.length() > 120 ? s.substring(0, 119) + "\u2026" : s;
    }
}
