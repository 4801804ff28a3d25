package org.envforge.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionFormatsTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return M.readTree(s);
    }

    static final List<Action> ALL = List.of(new Action.MoveTo(10, 20), Action.Click.left(5, 6),
            new Action.Click(7, 8, Action.Button.RIGHT, 1), new Action.Click(1, 2, Action.Button.LEFT, 2),
            new Action.Click(3, 4, Action.Button.LEFT, 3), new Action.Click(null, null, Action.Button.LEFT, 1),
            new Action.Drag(List.of(new Action.Point(1, 1), new Action.Point(50, 60))), new Action.DragTo(9, 9),
            new Action.Scroll(100, 200, 0, 3), new Action.TypeText("=SUM(A1:A5)\n"), Action.Key.of("ctrl", "s"),
            Action.Key.of("Return"), new Action.KeyDown("shift"), new Action.KeyUp("shift"), new Action.Wait(1500),
            new Action.WaitForWindow("Gnumeric", 5000), new Action.Done(), new Action.Fail(),
            new Action.MouseDown(Action.Button.LEFT), new Action.MouseUp(Action.Button.LEFT));

    @Test
    void gymAnythingDictsRoundTrip() {
        for (Action a : ALL) {
            assertThat(GymAnythingActions.fromJson(GymAnythingActions.toJson(a))).as(a.toString()).isEqualTo(a);
        }
    }

    @Test
    void readsUpstreamGymAnythingDicts() throws Exception {
        assertThat(GymAnythingActions.fromJson(json("{\"mouse\":{\"left_click\":[640,400]}}"))).isEqualTo(Action.Click.left(640, 400));
        assertThat(GymAnythingActions.fromJson(json("{\"mouse\":{\"left_click_drag\":[[1,2],[3,4]]}}")))
                .isEqualTo(new Action.Drag(List.of(new Action.Point(1, 2), new Action.Point(3, 4))));
        assertThat(GymAnythingActions.fromJson(json("{\"keyboard\":{\"keys\":[\"ctrl\",\"s\"]}}"))).isEqualTo(Action.Key.of("ctrl", "s"));
        assertThat(GymAnythingActions.fromJson(json("{\"keyboard\":{\"text\":\"hi\"}}"))).isEqualTo(new Action.TypeText("hi"));
        assertThat(GymAnythingActions.fromJson(json("{\"mouse\":{\"scroll\":-2}}"))).isEqualTo(new Action.Scroll(null, null, 0, -2));
        assertThatThrownBy(() -> GymAnythingActions.fromJson(json("{\"mouse\":{\"left_click\":[1]}}")))
                .hasMessageContaining("expected a point [x, y]");
        assertThatThrownBy(() -> GymAnythingActions.fromJsonList(json("[{\"keyboard\":{\"text\":\"a\"}}, {\"telepathy\":1}]")))
                .hasMessageStartingWith("/1: ");
    }

    @Test
    void osworldComputer13RoundTrips() {
        for (Action a : ALL) {
            List<ObjectNode> os = OsworldActions.toJson(a);
            assertThat(os).isNotEmpty();
            if (a instanceof Action.Drag d) {
                assertThat(os).extracting(o -> o.get("action_type").asText()).containsExactly("MOVE_TO", "DRAG_TO");
                continue;
            }
            if (a instanceof Action.Scroll s && s.x() != null) {
                assertThat(OsworldActions.fromJson(os.get(1))).isEqualTo(new Action.Scroll(null, null, 0, 3));
                continue;
            }
            if (a instanceof Action.Wait || a instanceof Action.WaitForWindow) {
                assertThat(os.get(0).get("action_type").asText()).isEqualTo("WAIT");
                continue;
            }
            assertThat(os).hasSize(1);
            assertThat(OsworldActions.fromJson(os.get(0))).as(a.toString()).isEqualTo(a);
        }
    }

    @Test
    void readsOsworldActions() throws Exception {
        assertThat(OsworldActions.fromJson(json("{\"action_type\":\"HOTKEY\",\"parameters\":{\"keys\":[\"ctrl\",\"c\"]}}")))
                .isEqualTo(Action.Key.of("ctrl", "c"));
        assertThat(OsworldActions.fromJson(json("{\"action_type\":\"CLICK\","
                + "\"parameters\":{\"x\":5,\"y\":6,\"button\":\"right\",\"num_clicks\":1}}")))
                .isEqualTo(new Action.Click(5, 6, Action.Button.RIGHT, 1));
        assertThatThrownBy(() -> OsworldActions.fromJson(json("{\"action_type\":\"TELEPORT\"}"))).hasMessageContaining("TELEPORT");
    }

    @Test
    void keyNamesAreCanonical() {
        assertThat(Action.Key.of("Control_L", "Return").keys()).containsExactly("ctrl", "enter");
        assertThat(Keys.keysym("enter")).isEqualTo("Return");
        assertThat(Keys.keysym("f5")).isEqualTo("F5");
        assertThat(Keys.keysym("a")).isEqualTo("a");
    }
}
