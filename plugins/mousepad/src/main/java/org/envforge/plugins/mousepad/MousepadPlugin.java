package org.envforge.plugins.mousepad;

import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.Probe;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskTemplate;

/**
 * Mousepad, the Xfce plain text editor: stands in for text editors such as TextPad. Its tasks edit
 * text files of real BLS and O*NET data (insert, delete and correct lines, fix a misspelling
 * everywhere) through the editor's own features: find bar, Find and Replace, line commands, save.
 */
public final class MousepadPlugin implements SoftwarePlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("mousepad", "Mousepad text editor",
            List.of("mousepad"), List.of("mousepad"),
            List.of(substitute("Helios TextPad"), substitute("Text editing software"), substitute("Text editors")),
            List.of("43-0000", "15-0000", "23-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<TaskTemplate> templates() {
        return List.of(new InsertOccupation(), new DeleteOccupation(), new CorrectWage(), new FixMisspelling());
    }

    @Override
    public List<Probe> probes() {
        return LineProbes.ALL;
    }
}
