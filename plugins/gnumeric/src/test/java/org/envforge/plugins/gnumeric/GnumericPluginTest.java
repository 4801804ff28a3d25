package org.envforge.plugins.gnumeric;

import java.nio.file.Path;
import org.envforge.runtime.PluginContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GnumericPluginTest {

    @TempDir
    Path dir;

    @Test
    void everyTemplateFailsAtTheStartAndPassesAfterItsOracle() {
        PluginContract.verify(new GnumericPlugin(), dir, 1, 7);
    }
}
