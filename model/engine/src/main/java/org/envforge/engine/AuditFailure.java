package org.envforge.engine;

import java.time.Instant;

/**
 * One failed audit item of a round, as the failure patterns show it (the engine's value: views and
 * the CLI get it without the store's row types).
 *
 * @param task the task the item is about, or "" for a round that could not finish
 * @param item the audit item, or {@code round_error}
 * @param at when the round finished
 */
public record AuditFailure(String plugin, String task, String item, Instant at) {
}
