package org.envforge.plugin;

/**
 * One adapter per real software app, found through {@link java.util.ServiceLoader}. A plugin knows
 * its app: the packages it needs and the catalog products it runs.
 */
public interface SoftwarePlugin {

    PluginDescriptor descriptor();

    default String id() {
        return descriptor().id();
    }
}
