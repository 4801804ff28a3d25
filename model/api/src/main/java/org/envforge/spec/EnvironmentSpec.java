package org.envforge.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A runnable app setup: software, runtime needs, hooks, observation and action spaces,
 * provenance. {@code document} is the full env.json (or the synthesised equivalent), which keeps
 * fields EnvForge does not model so that import, export, import is lossless.
 *
 * @param id such as libreoffice_calc_env@0.1
 * @param name the folder name, such as libreoffice_calc_env
 * @param software the catalog product or app name it runs (for grouping), or null
 * @param plugin the EnvForge plugin that runs it locally, or null
 * @param base the base image or preset, or null
 * @param osType linux or windows
 * @param hooks hook name (pre_start, post_start, reset, ...) to shell command
 * @param observation observation space types, e.g. rgb_screen
 * @param action action space types, e.g. mouse, keyboard
 */
public record EnvironmentSpec(String id, String name, String version, String description, String software, String plugin,
        String base, String osType, Resources resources, Map<String, String> hooks, List<String> observation,
        List<String> action, List<String> tags, Provenance provenance, ObjectNode document) {

    public EnvironmentSpec {
        hooks = Map.copyOf(hooks);
        observation = List.copyOf(observation);
        action = List.copyOf(action);
        tags = List.copyOf(tags);
    }
}
