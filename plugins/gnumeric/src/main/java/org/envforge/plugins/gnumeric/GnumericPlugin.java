package org.envforge.plugins.gnumeric;

import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;

/** Gnumeric, the GNOME spreadsheet: stands in for Excel and other spreadsheet products. */
public final class GnumericPlugin implements SoftwarePlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("gnumeric", "Gnumeric spreadsheet",
            List.of("gnumeric"), List.of("gnumeric", "ssconvert"),
            List.of(substitute("Microsoft Excel"), substitute("Spreadsheet software"), substitute("Google Sheets"),
                    substitute("Apple Numbers for Mac"), substitute("Spreadsheet programs"),
                    substitute("Spreadsheet applications")),
            List.of("13-0000", "43-0000", "15-0000", "11-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
