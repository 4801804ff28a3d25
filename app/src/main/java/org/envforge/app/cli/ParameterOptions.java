package org.envforge.app.cli;

import java.util.List;
import org.envforge.engine.GenerationParameters;
import org.envforge.engine.Parameter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options built from declared {@link Parameter}s: the option name, value label,
 * type, default and help text (with the limits) come from the declaration, and so does the check
 * of the values, which happens when the command runs.
 */
final class ParameterOptions {

    private ParameterOptions() {
    }

    /** The option of one parameter. */
    static OptionSpec option(Parameter<?> p) {
        OptionSpec.Builder b = OptionSpec.builder(p.option()).paramLabel(p.paramLabel()).description(p.describe());
        switch (p.kind()) {
            case TEXT -> b.type(String.class);
            case LIST -> b.type(List.class).auxiliaryTypes(String.class).splitRegex(",");
            case INT -> b.type(Integer.class);
            case LONG -> b.type(Long.class);
            case DECIMAL -> b.type(Double.class);
            default -> throw new IllegalStateException("no option for a " + p.kind() + " parameter");
        }
        if (!p.choices().isEmpty()) {
            b.completionCandidates(p.choices());
        } else if (p == GenerationParameters.SOFTWARE) {
            // The plugin ids on the class path (catalog products, also accepted, are too many to offer).
            b.completionCandidates(new Choices.PluginIds());
        }
        if (p.defaultValue() != null && !(p.defaultValue() instanceof List<?>)) {
            b.defaultValue(Parameter.text(p.defaultValue()));
        }
        return b.build();
    }

    /** Adds the parameters' options to a command. */
    static CommandSpec addTo(CommandSpec spec, List<Parameter<?>> parameters) {
        parameters.forEach(p -> spec.addOption(option(p)));
        return spec;
    }

    /** The values the options were given (or their defaults), not yet checked. */
    static GenerationParameters.Values values(CommandSpec spec, List<Parameter<?>> parameters) {
        GenerationParameters.Values v = GenerationParameters.defaults();
        for (Parameter<?> p : parameters) {
            v.set(p, spec.findOption(p.option()).getValue());
        }
        return v;
    }
}
