package org.envforge.plugins.mousepad;

import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;

/** Mousepad, a plain text editor: stands in for text editors such as TextPad. */
public final class MousepadPlugin implements SoftwarePlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("mousepad", "Mousepad text editor",
            List.of("mousepad"), List.of("mousepad"),
            List.of(substitute("Helios TextPad"), substitute("Text editing software"), substitute("Text editors")),
            List.of("43-0000", "15-0000", "23-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
