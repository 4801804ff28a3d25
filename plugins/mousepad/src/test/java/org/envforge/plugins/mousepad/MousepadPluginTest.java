package org.envforge.plugins.mousepad;

import java.nio.file.Path;
import org.envforge.runtime.PluginContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MousepadPluginTest {

    @TempDir
    Path dir;

    @Test
    void everyTemplateFailsAtTheStartAndPassesAfterItsOracle() {
        PluginContract.verify(new MousepadPlugin(), dir, 1, 7);
    }
}
