package org.envforge.spec;

/** What an environment needs to run. Nulls mean unspecified. */
public record Resources(Double cpu, Double memGb, Double gpu, Boolean network) {

    public static Resources none() {
        return new Resources(null, null, null, null);
    }
}
