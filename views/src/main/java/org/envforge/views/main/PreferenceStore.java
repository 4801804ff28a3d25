package org.envforge.views.main;

import java.util.Optional;

/** Where the workbench keeps small preferences (the app wires it to the store). */
public interface PreferenceStore {

    Optional<String> get(String key);

    void put(String key, String value);

    /** Keeps preferences in memory only (when the store cannot open). */
    static PreferenceStore inMemory() {
        java.util.Map<String, String> map = new java.util.concurrent.ConcurrentHashMap<>();
        return new PreferenceStore() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }
        };
    }
}
