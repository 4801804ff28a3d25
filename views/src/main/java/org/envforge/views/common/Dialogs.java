package org.envforge.views.common;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.envforge.text.Clip;

/** Small dialog helpers, owned by the window of the node that asks. */
public final class Dialogs {

    private Dialogs() {
    }

    public static void error(Node owner, String header, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR, message(e), ButtonType.OK);
        a.setHeaderText(header);
        own(a, owner);
        a.show();
    }

    public static Optional<String> askText(Node owner, String title, String header, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(header);
        own(d, owner);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    public static boolean confirm(Node owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText(header);
        own(a, owner);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** The first message along the cause chain, or the exception's class name; clipped to {@link Clip#REASON}. */
    public static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return Clip.text(t.getMessage(), Clip.REASON);
            }
        }
        return e.getClass().getSimpleName();
    }

    private static void own(javafx.scene.control.Dialog<?> d, Node owner) {
        if (owner != null && owner.getScene() != null) {
            Window w = owner.getScene().getWindow();
            d.initOwner(w);
        }
    }
}
