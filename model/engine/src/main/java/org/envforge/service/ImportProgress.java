package org.envforge.service;

/**
 * An immutable progress event of an import, emitted after each environment and each task.
 *
 * @param done task folders (or OSWorld files) handled so far
 * @param total task folders and files found when the import started
 * @param current what was just handled, e.g. libreoffice_calc_env/tasks/basic_formulas
 */
public record ImportProgress(int done, int total, String current, int environments, int tasksStored, int tasksFailed,
        int warnings, int errors) {

    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
