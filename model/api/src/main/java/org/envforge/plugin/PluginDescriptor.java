package org.envforge.plugin;

import java.util.List;

/**
 * What a plugin says about its app.
 *
 * @param id short stable id such as "gnumeric"
 * @param displayName such as "Gnumeric spreadsheet"
 * @param aptPackages Debian packages the app needs
 * @param executables programs that must be on the PATH for the app to run
 * @param products the catalog products it runs or stands in for
 * @param socMajorGroups the SOC major groups whose work it serves most (for display)
 */
public record PluginDescriptor(String id, String displayName, List<String> aptPackages, List<String> executables,
        List<ProductMapping> products, List<String> socMajorGroups) {

    public PluginDescriptor {
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("plugin id must be lower-case letters, digits and dashes: " + id);
        }
        aptPackages = List.copyOf(aptPackages);
        executables = List.copyOf(executables);
        products = List.copyOf(products);
        socMajorGroups = List.copyOf(socMajorGroups);
    }
}
