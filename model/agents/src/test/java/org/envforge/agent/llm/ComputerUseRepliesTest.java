package org.envforge.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.envforge.action.Action;
import org.envforge.agent.ComputerUseAgent.Decision;
import org.junit.jupiter.api.Test;

/** Reading computer-use replies: the JSON among prose, both action formats, and the checks. */
class ComputerUseRepliesTest {

    private final ComputerUseReplies replies = new ComputerUseReplies(800, 600);

    private Decision read(String reply) throws ReplyRejected {
        return replies.read(reply);
    }

    private void refused(String reply, String reason) {
        assertThatThrownBy(() -> replies.read(reply)).isInstanceOf(ReplyRejected.class).hasMessageContaining(reason);
    }

    @Test
    void findsTheJsonAmongProseWithBracketsInIt() throws ReplyRejected {
        Decision d = read("I see the dialog [OK]. {\"thought\": \"open it\", \"action\": {\"mouse\": {\"double_click\": [5, 6]}}}"
                + " That should work {hopefully}.");
        assertThat(d).isEqualTo(new Decision(new Action.Click(5, 6, Action.Button.LEFT, 2), "open it"));
    }

    @Test
    void prefersTheCodeFenceOverAPointInTheProse() throws ReplyRejected {
        Decision d = read("I will click at [120, 40]:\n```json\n{\"thought\": \"menu\", // the File menu\n"
                + "\"action\": {\"mouse\": {\"right_click\": [120, 40]}},}\n```\nDone thinking.");
        assertThat(d).isEqualTo(new Decision(new Action.Click(120, 40, Action.Button.RIGHT, 1), "menu"));
    }

    @Test
    void readsComputer13AndBareActions() throws ReplyRejected {
        assertThat(read("{\"action_type\": \"HOTKEY\", \"parameters\": {\"keys\": [\"Control\", \"s\"]}}"))
                .isEqualTo(new Decision(Action.Key.of("ctrl", "s"), ""));
        assertThat(read("{\"keyboard\": {\"keys\": [\"Return\"]}}").action()).isEqualTo(Action.Key.of("enter"));
        assertThat(read("{\"thought\": \"t\", \"action\": {\"action_type\": \"DRAG_TO\", \"parameters\": {\"x\": 799, \"y\": 599}}}")
                .action()).isEqualTo(new Action.DragTo(799, 599));
        assertThat(read("{\"thought\": \"in place\", \"action\": {\"action_type\": \"CLICK\"}}").action())
                .isEqualTo(new Action.Click(null, null, Action.Button.LEFT, 1));
    }

    @Test
    void readsAListWithOneActionInEitherPlace() throws ReplyRejected {
        assertThat(read("[{\"thought\": \"t\", \"action\": {\"keyboard\": {\"text\": \"hi\"}}}]"))
                .isEqualTo(new Decision(new Action.TypeText("hi"), "t"));
        assertThat(read("{\"thought\": \"t\", \"actions\": [{\"control\": {\"wait\": 1.5}}]}").action()).isEqualTo(new Action.Wait(1500));
        assertThat(read("[{\"action_type\": \"SCROLL\", \"parameters\": {\"dy\": -3}}]").action())
                .isEqualTo(new Action.Scroll(null, null, 0, 3));
    }

    @Test
    void readsPlainControlWords() throws ReplyRejected {
        assertThat(read("DONE").action()).isEqualTo(new Action.Done());
        assertThat(read(" `fail`\n").action()).isEqualTo(new Action.Fail());
        assertThat(read("{\"thought\": \"over\", \"action\": \"DONE\"}")).isEqualTo(new Decision(new Action.Done(), "over"));
        assertThat(read("[\"WAIT\"]").action()).isEqualTo(new Action.Wait(1000));
    }

    @Test
    void refusesMoreThanOneAction() {
        refused("{\"thought\": \"t\", \"action\": [{\"keyboard\": {\"text\": \"a\"}}, {\"keyboard\": {\"keys\": [\"enter\"]}}]}",
                "\"action\" is a list of 2 actions; give exactly one action per reply");
        refused("{\"thought\": \"t\", \"actions\": []}", "list of 0 actions");
    }

    @Test
    void refusesPointsOffTheScreen() {
        refused("{\"action\": {\"mouse\": {\"left_click\": [-1, 5]}}}", "the point (-1, 5) is off the screen");
        refused("{\"action\": {\"mouse\": {\"move\": [10, 600]}}}", "the point (10, 600) is off the screen; x must be from 0 to 799 "
                + "and y from 0 to 599 on this 800x600 screen");
        refused("{\"action\": {\"mouse\": {\"left_click_drag\": [[10, 10], [900, 50]]}}}", "(900, 50)");
        refused("{\"action\": {\"mouse\": {\"scroll\": 2, \"at\": [400, 700]}}}", "(400, 700)");
        refused("{\"action\": {\"action_type\": \"MOVE_TO\", \"parameters\": {\"x\": 801, \"y\": 1}}}", "(801, 1)");
    }

    @Test
    void refusesEmptyOrMissingText() {
        refused("{\"action\": {\"keyboard\": {\"text\": \"\"}}}", "the text to type is empty");
        refused("{\"action\": {\"action_type\": \"TYPING\", \"parameters\": {}}}", "the text to type is empty");
        refused("{\"action\": {\"keyboard\": {\"text\": null}}}", "the text to type must be a JSON string, found null");
    }

    @Test
    void refusesInvalidActionsNamingWhatIsWrong() {
        refused("{\"action\": {\"action_type\": \"JUMP\"}}", "is not valid: unknown computer_13 action_type JUMP");
        refused("{\"action\": {\"mouse\": {\"left_click\": [\"a\", 2]}}}", "expected a point [x, y]");
        refused("{\"action\": {\"action_type\": \"PRESS\", \"parameters\": {}}}", "empty key name");
        refused("{\"action\": \"click\"}", "the action \"click\" is not one of done, fail or wait");
        refused("{\"action\": 7}", "the action must be a JSON object");
        refused("{\"action\": {\"control\": {\"wait\": -2}}}", "a wait must not be negative");
    }

    @Test
    void refusesRepliesWithoutUsableJson() {
        refused("", "the reply is empty");
        refused("I would click OK.", "holds no JSON object");
        refused("{\"thought\": \"t\", \"action\": {\"mouse\": {\"left_click\": [1, 2]}", "the JSON in the reply is cut off");
        refused("{\"thought\": \"no action here\"}", "the reply has no \"action\"");
    }

    @Test
    void listsThePointsAnActionTouches() {
        assertThat(ComputerUseReplies.points(new Action.Drag(List.of(new Action.Point(1, 2), new Action.Point(3, 4)))))
                .containsExactly(new Action.Point(1, 2), new Action.Point(3, 4));
        assertThat(ComputerUseReplies.points(new Action.Scroll(null, null, 0, 1))).isEmpty();
        assertThat(ComputerUseReplies.points(new Action.TypeText("x"))).isEmpty();
    }
}
