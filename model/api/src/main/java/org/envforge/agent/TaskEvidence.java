package org.envforge.agent;

import java.util.List;
import org.envforge.runtime.WindowInfo;
import org.envforge.text.Clip;
import org.envforge.verify.CheckResult;

/**
 * What running a task in a sandbox showed: the start and end screens, the windows, the probes and
 * the checker before and after the oracle, and any failure. Its texts may quote what the sandbox
 * printed, so they are clipped ({@link Clip}): errors and probe readings to a reason's size, the
 * OCR text to a prompt section's.
 *
 * @param setupError why setup or the app's start failed, or null when they worked
 * @param startShot SHA-256 of the start screenshot in the blob store (null when setup failed)
 * @param endShot SHA-256 of the screenshot after the oracle
 * @param startWindow the app window at the start, or null when none was shown
 * @param ocrText text read from the start screenshot (cropped to the app window), or ""
 * @param oracleError why the oracle could not finish, or null
 * @param setupOutput SHA-256 in the blob store of the setup script's whole error output when it
 *     failed, or null ({@code setupError} holds it clipped)
 */
public record TaskEvidence(String task, String setupError, String startShot, String endShot, List<WindowInfo> windowsAtStart,
        WindowInfo startWindow, List<ProbeReading> probesAtStart, List<ProbeReading> probesAtEnd, CheckResult atStart,
        CheckResult atEnd, String ocrText, String oracleError, long millis, String setupOutput) {

    public TaskEvidence {
        setupError = Clip.text(setupError, Clip.REASON);
        oracleError = Clip.text(oracleError, Clip.REASON);
        ocrText = Clip.text(ocrText, Clip.PROMPT_SECTION);
        windowsAtStart = windowsAtStart == null ? List.of() : List.copyOf(windowsAtStart);
        probesAtStart = probesAtStart == null ? List.of() : List.copyOf(probesAtStart);
        probesAtEnd = probesAtEnd == null ? List.of() : List.copyOf(probesAtEnd);
    }

    /** One probe value. */
    public record ProbeReading(String probe, String args, String value) {

        public ProbeReading {
            value = Clip.text(value, Clip.REASON);
        }
    }

    public boolean setupOk() {
        return setupError == null;
    }

    /** The windows at the start as people read them: {@code "title" WxH}, comma-separated, or "none". */
    public String windowsAtStartText() {
        return windowsAtStart.isEmpty() ? "none" : String.join(", ", windowsAtStart.stream()
                .map(w -> "\"" + w.title() + "\" " + w.width() + "x" + w.height()).toList());
    }
}
