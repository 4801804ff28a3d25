package org.envforge.plugins.xterm;

import static org.envforge.plugin.ProductMapping.nativeApp;
import static org.envforge.plugin.ProductMapping.substitute;

import java.util.List;
import org.envforge.plugin.PluginDescriptor;
import org.envforge.plugin.SoftwarePlugin;
import org.envforge.plugin.TaskTemplate;

/** xterm running bash: the Unix shell and command line, with tasks over real BLS data files. */
public final class XtermPlugin implements SoftwarePlugin {

    static final String TITLE = "EnvForge Terminal";
    /** xterm with a fixed title (title changes disabled) and geometry, so oracles know where it is. */
    static final List<String> LAUNCH = List.of("xterm", "-T", TITLE, "-geometry", "110x34+0+0", "-fa", "DejaVu Sans Mono", "-fs",
            "11", "-xrm", "XTerm*allowTitleOps: false", "-e", "bash", "--noprofile", "--norc", "-i");

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor("xterm", "xterm with bash",
            List.of("xterm", "bash", "fonts-dejavu-core"), List.of("xterm", "bash"),
            List.of(nativeApp("Bash"), nativeApp("UNIX Shell"), nativeApp("Shell script"), nativeApp("Linux"),
                    nativeApp("Command interpreters"), nativeApp("Terminal emulation software"), substitute("UNIX"),
                    substitute("Ubuntu"), substitute("Red Hat Enterprise Linux")),
            List.of("15-0000", "17-0000", "19-0000"));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<TaskTemplate> templates() {
        return List.of(new CountAboveWage(), new HighestPaid(), new ArchiveCsv(), new TotalEmployment());
    }
}
