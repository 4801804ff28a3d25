package org.envforge.plugin;

/** A kind of task a plugin can make from real data, with a checker and an oracle that solves it. */
public interface TaskTemplate {

    /** Short stable id, such as total_employment. */
    String id();

    /** One line for lists. */
    String title();

    TaskDraft generate(TemplateContext context);
}
