package org.envforge.plugins.mousepad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MousepadGuiTest {

    @Test
    void theWindowTitleMatchesSavedAndModifiedDocuments() {
        Pattern p = Pattern.compile(MousepadGui.windowTitle("notes/sales.txt"));
        assertThat(p.matcher("~/notes/sales.txt - Mousepad").find()).isTrue();
        assertThat(p.matcher("*~/notes/sales.txt - Mousepad").find()).isTrue();
        assertThat(p.matcher("~/notes/salesxtxt - Mousepad").find()).isFalse();
        assertThat(p.matcher("~/notes/other.txt - Mousepad").find()).isFalse();
        assertThat(p.matcher("Find and Replace").find()).isFalse();
    }

    @Test
    void quotesRegularExpressionCharacters() {
        assertThat(MousepadGui.quote("a.b(c)+")).isEqualTo("a\\.b\\(c\\)\\+");
    }

    @Test
    void launchesTheFileFromTheHomeWithTheKeyfileSettings() {
        assertThat(MousepadGui.launch("notes/x.txt")).containsExactly("env", "GSETTINGS_BACKEND=keyfile", "mousepad",
                "--disable-server", "/home/envforge/notes/x.txt");
        assertThat(MousepadGui.SETTINGS).contains("width=uint32 1280", "replace-all=false", "session-restore='never'");
    }
}
