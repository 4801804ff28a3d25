package org.envforge.agent;

import java.util.List;
import org.envforge.runtime.WindowInfo;
import org.envforge.verify.CheckResult;

/**
 * What running a task in a sandbox showed: the start and end screens, the windows, the probes and
 * the checker before and after the oracle, and any failure.
 *
 * @param setupError why setup or the app's start failed, or null when they worked
 * @param startShot SHA-256 of the start screenshot in the blob store (null when setup failed)
 * @param endShot SHA-256 of the screenshot after the oracle
 * @param startWindow the app window at the start, or null when none was shown
 * @param ocrText text read from the start screenshot (cropped to the app window), or ""
 * @param oracleError why the oracle could not finish, or null
 */
public record TaskEvidence(String task, String setupError, String startShot, String endShot, List<WindowInfo> windowsAtStart,
        WindowInfo startWindow, List<ProbeReading> probesAtStart, List<ProbeReading> probesAtEnd, CheckResult atStart,
        CheckResult atEnd, String ocrText, String oracleError, long millis) {

    public TaskEvidence {
        windowsAtStart = windowsAtStart == null ? List.of() : List.copyOf(windowsAtStart);
        probesAtStart = probesAtStart == null ? List.of() : List.copyOf(probesAtStart);
        probesAtEnd = probesAtEnd == null ? List.of() : List.copyOf(probesAtEnd);
    }

    /** One probe value. */
    public record ProbeReading(String probe, String args, String value) {
    }

    public boolean setupOk() {
        return setupError == null;
    }
}
