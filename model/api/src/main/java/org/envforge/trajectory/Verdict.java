package org.envforge.trajectory;

/** A curator's verdict on a whole trajectory; only good ones go into training data. */
public enum Verdict {
    GOOD, BAD, UNSURE
}
