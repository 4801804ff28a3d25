package org.envforge.app.cli;

import java.util.Optional;

/**
 * Where the workbench opens: a page, a product shown in the Catalog, a selection made at once.
 * Useful for deep links and for reproducible screenshots.
 */
public record GuiOptions(Optional<String> page, Optional<String> product, Optional<Integer> selectTopN, Optional<String> theme,
        Optional<String> task, Optional<String> tab, Optional<String> boot, Optional<String> trajectory, Optional<String> generate) {

    public static GuiOptions none() {
        return new GuiOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
