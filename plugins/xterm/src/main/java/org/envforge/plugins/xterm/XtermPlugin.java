package org.envforge.plugins.xterm;

import static org.envforge.plugin.ProductMapping.nativeApp;
import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;

/** xterm running bash: the Unix shell and command line. */
public final class XtermPlugin implements SoftwarePlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("xterm", "xterm with bash",
            List.of("xterm", "bash"), List.of("xterm", "bash"),
            List.of(nativeApp("Bash"), nativeApp("UNIX Shell"), nativeApp("Shell script"), nativeApp("Linux"),
                    nativeApp("Command interpreters"), nativeApp("Terminal emulation software"), substitute("UNIX"),
                    substitute("Ubuntu"), substitute("Red Hat Enterprise Linux")),
            List.of("15-0000", "17-0000", "19-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
