package org.envforge.plugins.gnumeric;

import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskTemplate;

/**
 * Gnumeric, the GNOME spreadsheet: stands in for Excel and other spreadsheet products. Its tasks
 * start from a workbook of real BLS occupations; its probes read the saved workbook's cells and
 * formulas with ssconvert, Gnumeric's own converter.
 */
public final class GnumericPlugin implements SoftwarePlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("gnumeric", "Gnumeric spreadsheet",
            List.of("gnumeric", "fonts-dejavu-core"), List.of("gnumeric", "ssconvert"),
            List.of(substitute("Microsoft Excel"), substitute("Spreadsheet software"), substitute("Google Sheets"),
                    substitute("Apple Numbers for Mac"), substitute("Spreadsheet programs"),
                    substitute("Spreadsheet applications")),
            List.of("13-0000", "43-0000", "15-0000", "11-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<TaskTemplate> templates() {
        return List.of(new TotalEmployment(), new WageBill(), new HighestPaid(), new WeightedMeanWage());
    }

    /** cell (a saved cell's value) and cell_formula (its formula). */
    @Override
    public List<Probe> probes() {
        return CellProbes.ALL;
    }
}
