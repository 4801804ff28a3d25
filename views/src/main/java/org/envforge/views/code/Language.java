package org.envforge.views.code;

import java.util.Locale;

/** Languages the code view highlights. */
public enum Language {
    JSON, SHELL, PYTHON, PLAIN;

    /** By file name: .json, .sh/.bash/.ps1, .py; else plain. */
    public static Language of(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".json") || n.endsWith(".jsonl")) {
            return JSON;
        }
        if (n.endsWith(".sh") || n.endsWith(".bash") || n.endsWith(".ps1")) {
            return SHELL;
        }
        if (n.endsWith(".py")) {
            return PYTHON;
        }
        return PLAIN;
    }
}
