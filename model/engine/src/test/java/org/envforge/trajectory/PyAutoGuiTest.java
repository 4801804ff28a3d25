package org.envforge.trajectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.envforge.action.Action;
import org.envforge.trajectory.io.PyAutoGui;
import org.junit.jupiter.api.Test;

class PyAutoGuiTest {

    @Test
    void readsTheCallsAgentsWrite() {
        List<Action> a = PyAutoGui.parse("import pyautogui, time\npyautogui.click(100, 200)\npyautogui.doubleClick(x=5, y=6); "
                + "pyautogui.typewrite('It\\'s 5\\n', interval=0.05)\npyautogui.hotkey('ctrl', 's')\ntime.sleep(0.5)\n"
                + "pyautogui.scroll(-3, x=10, y=20)\npyautogui.click(button='right')\npyautogui.press(['down', 'enter'])\n"
                + "pyautogui.dragTo(300, 400, duration=0.5)  # drag it\npyautogui.moveTo((7, 8))");
        assertThat(a).containsExactly(Action.Click.left(100, 200), new Action.Click(5, 6, Action.Button.LEFT, 2),
                new Action.TypeText("It's 5\n"), Action.Key.of("ctrl", "s"), new Action.Wait(500), new Action.Scroll(10, 20, 0, 3),
                new Action.Click(null, null, Action.Button.RIGHT, 1), Action.Key.of("down"), Action.Key.of("enter"),
                new Action.DragTo(300, 400), new Action.MoveTo(7, 8));
        assertThat(PyAutoGui.parse("DONE")).containsExactly(new Action.Done());
        assertThat(PyAutoGui.parse("FAIL")).containsExactly(new Action.Fail());
    }

    @Test
    void writesProgramsItReadsBackTheSame() {
        List<Action> actions = List.of(Action.Click.left(1, 2), new Action.Click(3, 4, Action.Button.LEFT, 3),
                new Action.Click(5, 6, Action.Button.RIGHT, 1), new Action.MoveTo(9, 9), new Action.TypeText("a 'quoted'\tline\n"),
                Action.Key.of("ctrl", "shift", "t"), Action.Key.of("f5"), new Action.Scroll(null, null, 0, 4), new Action.Wait(1500),
                new Action.KeyDown("shift"), new Action.KeyUp("shift"), new Action.DragTo(40, 50), new Action.Done());
        assertThat(PyAutoGui.parse(PyAutoGui.toCode(actions))).isEqualTo(actions);
    }

    @Test
    void refusesWhatItCannotReadWithoutRunningIt() {
        assertThatThrownBy(() -> PyAutoGui.parse("import os\nos.system('rm -rf ~')")).hasMessageContaining("os.system");
        assertThatThrownBy(() -> PyAutoGui.parse("pyautogui.click(x, y)")).hasMessageContaining("variables");
        assertThatThrownBy(() -> PyAutoGui.parse("for i in range(3): pyautogui.press('down')")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> PyAutoGui.parse("pyautogui.typewrite('unterminated)")).hasMessageContaining("unterminated");
    }
}
