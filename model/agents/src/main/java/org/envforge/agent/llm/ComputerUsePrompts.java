package org.envforge.agent.llm;

import java.util.ArrayList;
import java.util.List;
import org.envforge.action.Action;
import org.envforge.action.GymAnythingActions;
import org.envforge.action.OsworldActions;
import org.envforge.agent.ComputerUseAgent.Decision;
import org.envforge.agent.ComputerUseAgent.Observation;
import org.envforge.text.Clip;

/**
 * The words of the computer-use agent's requests: the system prompt (the screen, the action space
 * with Gym-Anything dicts preferred and OSWorld computer_13 accepted, the reply format), the user
 * message (the task, the recent actions, an auditor's feedback) and the correction after a
 * refused reply. Feedback (which quotes the checker and the screen) and refusal reasons are clipped
 * ({@link Clip}).
 */
final class ComputerUsePrompts {

    /** How much of an earlier response the history repeats. */
    static final int RESPONSE_CHARS = 200;

    private ComputerUsePrompts() {
    }

    /** The whole request for one step, with the screenshot attached when there is one. */
    static LlmPrompt prompt(Observation o, int historySteps) {
        byte[] png = o.screenshotPng();
        List<byte[]> images = png == null || png.length == 0 ? List.of() : List.of(png);
        return LlmPrompt.of(system(o.width(), o.height()), user(o, historySteps, !images.isEmpty()), images);
    }

    static String system(int width, int height) {
        return """
                You are a computer-use agent. You operate a desktop application through its screen to do a task \
                for a user. Each turn you get the task, a summary of your recent actions, and a screenshot of the \
                screen now. The screen is %d x %d pixels: x runs from 0 at the left to %d, y from 0 at the top to %d.
                Choose exactly one next action; you see the screen again after it.

                Reply with one JSON object and nothing else:
                {"thought": "<what you see and why you take this action>", "action": <one action>}

                Actions (the preferred format):
                - {"mouse": {"left_click": [x, y]}}; also "double_click", "triple_click", "right_click", "middle_click"
                - {"mouse": {"move": [x, y]}}
                - {"mouse": {"left_click_drag": [[x1, y1], [x2, y2]]}}
                - {"mouse": {"scroll": 3, "at": [x, y]}}: positive notches scroll down, negative up
                - {"keyboard": {"text": "Hello"}}: types the text (it must not be empty)
                - {"keyboard": {"keys": ["ctrl", "s"]}}: presses a key or a chord; key names such as enter, esc, \
                tab, backspace, delete, space, up, down, left, right, home, end, pageup, pagedown, f1 to f12, ctrl, \
                alt, shift, win, or a single character
                - {"control": {"wait": 2}}: waits that many seconds
                - {"control": "done"}: the task is complete
                - {"control": "fail"}: the task cannot be done

                OSWorld computer_13 actions are accepted too, such as \
                {"action_type": "CLICK", "parameters": {"x": 100, "y": 200}} or \
                {"action_type": "TYPING", "parameters": {"text": "Hello"}}, with the action types MOVE_TO, CLICK, \
                RIGHT_CLICK, DOUBLE_CLICK, MOUSE_DOWN, MOUSE_UP, DRAG_TO, SCROLL, TYPING, PRESS, KEY_DOWN, KEY_UP, \
                HOTKEY, WAIT, DONE and FAIL.

                Rules:
                - Every point must lie on the screen.
                - One action per reply; a list holding exactly one action is accepted.
                - Say done only when the screen shows that the task is complete (save files when the task needs it).
                - If a reviewer says that an earlier done was premature, keep working on what is missing.
                """.formatted(width, height, width - 1, height - 1);
    }

    static String user(Observation o, int historySteps, boolean withScreenshot) {
        StringBuilder b = new StringBuilder();
        b.append("Task: ").append(o.instruction().strip()).append("\n\n");
        b.append(history(o.history(), historySteps)).append('\n');
        if (o.feedback() != null && !o.feedback().isBlank()) {
            b.append("A reviewer checked the screen after your done and says the task is not complete yet:\n")
                    .append(Clip.text(o.feedback().strip(), Clip.PROMPT_SECTION)).append("\nKeep working on what is missing.\n\n");
        }
        b.append("This is step ").append(o.step() + 1).append(". ").append(withScreenshot
                ? "The attached image is the screen now (" + o.width() + " x " + o.height() + " pixels)."
                : "No screenshot could be taken this step.");
        b.append("\nReply with one JSON object {\"thought\": \"...\", \"action\": {...}}.");
        return b.toString();
    }

    /** The last {@code limit} decisions, oldest first, each as its action (preferred format) and its words. */
    static String history(List<Decision> decisions, int limit) {
        if (decisions.isEmpty()) {
            return "You have taken no actions yet.\n";
        }
        int from = Math.max(0, decisions.size() - limit);
        if (from == decisions.size()) {
            return "You have taken " + decisions.size() + " actions so far.\n";
        }
        StringBuilder b = new StringBuilder("Your last ").append(decisions.size() - from).append(" actions, oldest first");
        b.append(from > 0 ? " (" + from + " earlier not shown):\n" : ":\n");
        for (int i = from; i < decisions.size(); i++) {
            b.append("step ").append(i + 1).append(": ").append(line(decisions.get(i))).append('\n');
        }
        return b.toString();
    }

    private static String line(Decision d) {
        String action = d.action() == null ? "(no action)" : compact(d.action());
        String said = d.response() == null ? "" : Clip.line(d.response(), Clip.REASON);
        if (said.isEmpty()) {
            return action;
        }
        return action + " (you said: \"" + (said.length() > RESPONSE_CHARS ? said.substring(0, RESPONSE_CHARS - 1) + "\u2026" : said)
                + "\")";
    }

    /** The action as a Gym-Anything dict, or as computer_13 for what that format cannot say. */
    private static String compact(Action a) {
        try {
            return GymAnythingActions.toJson(a).toString();
        } catch (IllegalArgumentException e) {
            List<String> parts = new ArrayList<>();
            OsworldActions.toJson(a).forEach(n -> parts.add(n.toString()));
            return String.join(" then ", parts);
        }
    }

    /** What the model is told after a refused reply. */
    static String correction(String reason) {
        return "Your reply was refused: " + Clip.text(reason, Clip.REASON) + ".\nReply again with one JSON object {\"thought\": \"...\", "
                + "\"action\": {...}} holding one valid action, changing what is needed to fix this.";
    }
}
