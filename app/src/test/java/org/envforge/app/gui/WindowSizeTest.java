package org.envforge.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowSizeTest {

    @Test
    void theWindowFitsASmallScreen() {
        assertThat(Workbench.windowSize(new Rectangle2D(0, 0, 1024, 700))).isEqualTo(new Dimension2D(1024, 700));
        assertThat(Workbench.windowSize(new Rectangle2D(0, 24, 1366, 744))).isEqualTo(new Dimension2D(1366, 744));
    }

    @Test
    void aLargeScreenGetsTheUsualSize() {
        assertThat(Workbench.windowSize(new Rectangle2D(0, 0, 2560, 1440))).isEqualTo(new Dimension2D(1440, 900));
    }
}
