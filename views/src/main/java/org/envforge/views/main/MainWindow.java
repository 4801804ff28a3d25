package org.envforge.views.main;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The workbench window's content: a header, a sidebar of pages and the current page. */
public final class MainWindow extends BorderPane {

    public static final String STYLESHEET = "/envforge/css/workbench.css";

    private final MainViewModel vm;
    private final ListView<Page> nav = new ListView<>();
    private final StackPane content = new StackPane();
    private final Map<String, Node> built = new HashMap<>();

    public MainWindow(MainViewModel vm, List<Page> pages) {
        this.vm = vm;
        setId("main-window");
        getStyleClass().add("main-window");
        setTop(header());
        nav.setId("main-nav");
        nav.getItems().setAll(pages);
        nav.getStyleClass().add("main-nav");
        nav.setPrefWidth(190);
        nav.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Page p, boolean empty) {
                super.updateItem(p, empty);
                if (empty || p == null) {
                    setText(null);
                    setGraphic(null);
                    setId(null);
                } else {
                    setText(p.title());
                    setGraphic(new FontIcon(p.icon()));
                    setId("nav-" + p.id());
                }
            }
        });
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> show(p));
        setLeft(nav);
        setCenter(content);
        applyTheme(vm.themeProperty().get());
        vm.themeProperty().addListener((o, a, t) -> applyTheme(t));
        if (!pages.isEmpty()) {
            nav.getSelectionModel().select(0);
        }
    }

    private Node header() {
        Label title = new Label("EnvForge");
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        Label tagline = new Label("verified training environments from real software");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        Label data = new Label();
        data.textProperty().bind(vm.dataDirProperty().map(d -> "Data: " + d));
        data.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setTooltip(new Tooltip("Switch between light and dark theme"));
        theme.graphicProperty().bind(vm.themeProperty().map(t -> new FontIcon(t == Theme.LIGHT ? Feather.MOON : Feather.SUN)));
        theme.setOnAction(e -> vm.toggleTheme());
        HBox bar = new HBox(12, title, tagline, new Spacer(), data, theme);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 14));
        bar.getStyleClass().add("app-header");
        return new VBox(bar);
    }

    private void show(Page p) {
        if (p == null) {
            return;
        }
        Node view = built.computeIfAbsent(p.id(), k -> p.view().get());
        content.getChildren().setAll(view);
    }

    private void applyTheme(Theme t) {
        Application.setUserAgentStylesheet(t.stylesheet());
        getStyleClass().removeAll("theme-light", "theme-dark");
        getStyleClass().add(t == Theme.LIGHT ? "theme-light" : "theme-dark");
    }

    /** Switches to the page with the given id. */
    public void select(String pageId) {
        nav.getItems().stream().filter(p -> p.id().equals(pageId)).findFirst().ifPresent(p -> nav.getSelectionModel().select(p));
    }
}
