package org.mbrllab.app.common.search;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.core.Format;
import org.mbrllab.engine.games.ConnectFour;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.mcts.MctsSnapshot;
import org.mbrllab.engine.mcts.MctsSnapshot.ChildTerm;
import org.mbrllab.engine.mcts.MctsSnapshot.NodeView;
import org.mbrllab.engine.mcts.MctsSnapshot.SimulationView;
import org.mbrllab.engine.mcts.Phase;
import org.mbrllab.engine.mcts.SelectionRule;

/**
 * The card that explains one node: its board, its N and Q, and for each child the terms of the
 * selection score, Q + U = score, with the child selection takes marked. While a simulation is being
 * stepped, a node on its path shows the terms at the moment of the choice and the child that was taken;
 * otherwise the terms as the tree stands, and the child the next selection takes.
 */
public final class NodeInspector extends VBox {

    private final Label title = new Label();
    private final Label summary = new Label();
    private final Canvas board = new Canvas();
    private final Label heading = new Label();
    private final GridPane table = new GridPane();
    private final Label caption = new Label();
    private final HBox top;
    private final VBox text;
    private boolean compact;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private List<ChildTerm> shownTerms = List.of();
    private int markedMove = -1;

    public NodeInspector() {
        getStyleClass().add("node-inspector");
        setId("node-inspector");
        title.setId("inspector-title");
        title.getStyleClass().add("explain-heading");
        summary.setId("inspector-summary");
        heading.setId("inspector-heading");
        heading.setWrapText(true);
        caption.setWrapText(true);
        caption.getStyleClass().add("muted");
        table.setId("inspector-terms");
        table.setHgap(10);
        table.setVgap(1);
        // The board on the left, the words and the table beside it: a card as low as possible.
        text = new VBox(4, title, summary, heading, table, caption);
        top = new HBox(12, board, text);
        top.setAlignment(Pos.TOP_LEFT);
        getChildren().add(top);
        setSpacing(5);
        setPadding(new Insets(8, 10, 8, 10));
        setMaxWidth(USE_PREF_SIZE);
        setMaxHeight(USE_PREF_SIZE);
        setMouseTransparent(true);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        setStyle("-fx-background-color: " + css(theme == Theme.DARK ? Color.web("#26272b") : Color.WHITE)
                + "; -fx-border-color: " + css(theme.gridLine()) + "; -fx-border-width: 1.5; -fx-background-radius: 6; -fx-border-radius: 6;"
                + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.25), 8, 0, 0, 2);");
    }

    /** Drops the formula under the table when the card has little room; the board and the table stay. */
    void setCompact(boolean on) {
        if (compact == on) return;
        compact = on;
        caption.setVisible(!on);
        caption.setManaged(!on);
    }

    /** The card's height with the formula shown, for a width of {@code width}. */
    double fullHeight(double width) {
        double inner = width - getInsets().getLeft() - getInsets().getRight() - board.getWidth() - top.getSpacing();
        double words = title.prefHeight(inner) + summary.prefHeight(inner) + heading.prefHeight(inner) + table.prefHeight(inner)
                + caption.prefHeight(inner) + 4 * text.getSpacing();
        return getInsets().getTop() + getInsets().getBottom() + Math.max(board.getHeight(), words);
    }

    /** The terms shown (tests) and the move marked as selected, or −1. */
    public List<ChildTerm> shownTerms() {
        return shownTerms;
    }

    public int markedMove() {
        return markedMove;
    }

    void show(NodeView n, MctsSnapshot s) {
        Game game = s.game();
        int mover = Side.other(n.toMove());
        title.setText(n.move() < 0 ? "The root · " + Side.name(n.toMove()) + " to move"
                : "After " + MoveNames.move(mover, n.move()) + " (depth " + n.depth() + ") · "
                + (n.terminal() ? (n.winner() == Side.NONE ? "a draw" : Side.name(n.winner()) + " has won") : Side.name(n.toMove()) + " to move"));
        String qFor = n.move() < 0 ? Side.name(n.toMove()) : Side.name(mover);
        summary.setText("N = " + MoveNames.count(n.visits()) + " · Q = " + MoveNames.value(n.q()) + " for " + qFor
                + (s.rule() == SelectionRule.PUCT ? " · P = " + Format.fixed(n.prior(), 3) : ""));
        drawBoard(game, n.board());

        // Why: the terms at the moment of the choice (a simulation in flight), else as the tree stands.
        SimulationView sim = s.simulation();
        List<ChildTerm> terms = n.terms();
        int marked = -1;
        String head;
        int at = -1;
        if (sim != null && sim.detailed() && sim.lastPhase() != null && sim.lastPhase() != Phase.BACKUP) {
            for (int i = 0; i < sim.path().length; i++) if (sim.path()[i] == n.id()) at = i;
        }
        if (at >= 0 && at < sim.selectionTerms().size()) {
            terms = sim.selectionTerms().get(at);
            // The next path node's move; at the leaf, the untried move selection chose.
            marked = at + 1 < sim.pathMoves().length ? sim.pathMoves()[at + 1] : sim.chosenMove();
            head = "Why simulation " + MoveNames.count(sim.number()) + " went to " + MoveNames.move(n.toMove(), marked)
                    + ": the largest score when it chose.";
        } else if (n.terminal()) {
            head = "The game is over here: selection stops and the result is backed up.";
        } else {
            long best = terms.stream().filter(ChildTerm::best).count();
            if (best == 1) marked = terms.stream().filter(ChildTerm::best).findFirst().orElseThrow().move();
            head = best == 1 ? "The next selection here takes " + MoveNames.move(n.toMove(), marked) + ": the largest score."
                    : best > 1 ? "The next selection draws one of the " + best + " moves tied for the largest score (▶)."
                    : "";
        }
        heading.setText(head);
        shownTerms = List.copyOf(terms);
        markedMove = marked;
        fillTable(terms, marked, n.toMove(), s.rule() == SelectionRule.PUCT);
        double c = s.c();
        caption.setText(s.rule() == SelectionRule.UCB1
                ? "score = Q + c·√(ln N(s) / N(s,a)) with c = " + Format.fixed(c, 2) + ", N(s) = " + MoveNames.count(n.visits())
                  + ". An untried move scores ∞. Q is for " + Side.name(n.toMove()) + "."
                : "score = Q + c_puct·P·√N(s) / (1 + N(s,a)) with c_puct = " + Format.fixed(c, 2) + ", N(s) = " + MoveNames.count(n.visits()) + ".");
        caption.setMaxWidth(fontSize * 24);
        heading.setMaxWidth(fontSize * 24);
    }

    private void fillTable(List<ChildTerm> terms, int marked, int side, boolean puct) {
        table.getChildren().clear();
        String[] header = puct ? new String[] {"move", "N", "Q", "P", "+ U", "= score", ""}
                : new String[] {"move", "N", "Q", "+ U", "= score", ""};
        for (int c = 0; c < header.length; c++) table.add(cell(header[c], true, false, c > 0), c, 0);
        int row = 1;
        for (ChildTerm t : terms) {
            boolean mark = t.move() == marked;
            String q = t.node() < 0 && !puct ? "untried" : MoveNames.value(t.q());
            String[] cells = puct
                    ? new String[] {MoveNames.move(side, t.move()), MoveNames.count(t.visits()), q, Format.fixed(t.prior(), 2),
                            MoveNames.value(t.exploration()), MoveNames.value(t.score()), mark ? "◀ selected" : t.best() ? "▶ tied" : ""}
                    : new String[] {MoveNames.move(side, t.move()), MoveNames.count(t.visits()), q,
                            MoveNames.value(t.exploration()), MoveNames.value(t.score()), mark ? "◀ selected" : t.best() ? "▶ tied" : ""};
            for (int c = 0; c < cells.length; c++) {
                Label l = cell(cells[c], mark, mark, c > 0 && c < cells.length - 1);
                if (c == 0) l.setTextFill(SideColors.of(side, theme));
                table.add(l, c, row);
            }
            row++;
        }
    }

    private Label cell(String text, boolean bold, boolean marked, boolean right) {
        Label l = new Label(text);
        l.setStyle((bold ? "-fx-font-weight: bold;" : "-fx-font-weight: normal;")
                + (marked ? "-fx-text-fill: " + css(theme == Theme.DARK ? theme.highlight() : theme.highlight().darker()) + ";" : ""));
        if (right) l.setAlignment(Pos.CENTER_RIGHT);
        l.setMaxWidth(Double.MAX_VALUE);
        l.getStyleClass().add("mono");
        return l;
    }

    private void drawBoard(Game game, String b) {
        double cell = fontSize * (game == Game.TIC_TAC_TOE ? 1.6 : 0.95);
        int cols = game == Game.TIC_TAC_TOE ? 3 : ConnectFour.COLUMNS;
        int rows = game == Game.TIC_TAC_TOE ? 3 : ConnectFour.ROWS;
        board.setWidth(cell * cols + 4);
        board.setHeight(cell * rows + 4);
        var g = board.getGraphicsContext2D();
        g.setFill(theme == Theme.DARK ? Color.web("#26272b") : Color.WHITE);
        g.fillRect(0, 0, board.getWidth(), board.getHeight());
        BoardCanvas.draw(g, theme, game, b, 2, 2, cell * cols, -1, -1, false, fontSize);
    }

    private static String css(Color c) {
        return String.format("rgba(%d,%d,%d,%.2f)", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255), c.getOpacity());
    }
}
