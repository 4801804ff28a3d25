package org.envforge.plugins.sqlitebrowser;

import java.nio.file.Path;
import org.envforge.runtime.PluginContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitebrowserPluginTest {

    @TempDir
    Path dir;

    @Test
    void everyTemplateFailsAtTheStartAndPassesAfterItsOracle() {
        PluginContract.verify(new SqlitebrowserPlugin(), dir, 1, 7);
    }
}
