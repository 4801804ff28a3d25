package org.envforge.plugins.xterm;

import java.nio.file.Path;
import org.envforge.runtime.PluginContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XtermPluginTest {

    @TempDir
    Path dir;

    @Test
    void everyTemplateFailsAtTheStartAndPassesAfterItsOracle() {
        PluginContract.verify(new XtermPlugin(), dir, 1, 7);
    }
}
