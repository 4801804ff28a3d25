package org.envforge.views.main;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the sidebar: a title, an icon and the view, built on first visit.
 *
 * @param id stable id, used for node ids and the remembered last page
 */
public record Page(String id, String title, Ikon icon, Supplier<Node> view) {
}
