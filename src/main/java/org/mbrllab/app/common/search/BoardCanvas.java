package org.mbrllab.app.common.search;

import java.util.function.IntConsumer;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.mbrllab.app.common.Theme;
import org.mbrllab.engine.games.ConnectFour;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.games.WinningLine;

/**
 * Draws a tic-tac-toe or Connect Four board from a board string, with the move indices that the chart
 * and the tree use, the last move ringed and a ghost piece under the mouse where a click would play.
 * Clicks on a cell (tic-tac-toe) or a column (Connect Four) are reported to {@link #setOnMove}.
 * {@link #draw} also draws the small boards of the node inspector.
 */
public final class BoardCanvas extends Region {

    private final Canvas canvas = new Canvas();
    private Game game = Game.TIC_TAC_TOE;
    private String board = ".".repeat(9);
    private int lastMove = -1;
    private int hover = -1;
    private int legal;
    private boolean clickable;
    private Theme theme = Theme.LIGHT;
    private double fontSize = 14;
    private IntConsumer onMove = m -> { };
    // Geometry of the last draw.
    private double x0;
    private double y0;
    private double cell;

    public BoardCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("board-canvas");
        setMinSize(60, 40);
        setPrefSize(320, 320);
        setFocusTraversable(true);
        setOnMousePressed(e -> requestFocus());
        setOnMouseMoved(e -> {
            int m = moveAt(e.getX(), e.getY());
            if (m != hover) {
                hover = m;
                draw();
            }
        });
        setOnMouseExited(e -> {
            hover = -1;
            draw();
        });
        setOnMouseClicked(e -> {
            int m = moveAt(e.getX(), e.getY());
            if (m >= 0) onMove.accept(m);
        });
    }

    void setOnMove(IntConsumer handler) {
        onMove = handler;
    }

    /**
     * @param legalMoves the moves a click may play now (a bitmask; 0 when it is not the person's turn)
     */
    void show(Game game, String board, int lastMove, int legalMoves) {
        if (game == this.game && board.equals(this.board) && lastMove == this.lastMove && legalMoves == legal) return;
        this.game = game;
        this.board = board;
        this.lastMove = lastMove;
        this.legal = legalMoves;
        this.clickable = legalMoves != 0;
        draw();
    }

    void setTheme(Theme theme, double fontSize) {
        this.theme = theme;
        this.fontSize = fontSize;
        draw();
    }

    /** The move a click at local (x, y) plays: a cell or a column; −1 off the board. */
    int moveAt(double x, double y) {
        if (cell <= 0) return -1;
        int c = (int) Math.floor((x - x0) / cell);
        int r = (int) Math.floor((y - y0) / cell);
        if (game == Game.TIC_TAC_TOE) return r >= 0 && r < 3 && c >= 0 && c < 3 ? r * 3 + c : -1;
        return r >= 0 && r < ConnectFour.ROWS && c >= 0 && c < ConnectFour.COLUMNS ? c : -1;
    }

    /** Where a click plays {@code move}, in local coordinates (for tests). */
    public Point2D moveCenter(int move) {
        if (game == Game.TIC_TAC_TOE) return new Point2D(x0 + (move % 3 + 0.5) * cell, y0 + (move / 3 + 0.5) * cell);
        return new Point2D(x0 + (move + 0.5) * cell, y0 + cell * ConnectFour.ROWS / 2.0);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 320;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (w < 20 || h < 20) return;
        int cols = game == Game.TIC_TAC_TOE ? 3 : ConnectFour.COLUMNS;
        int rows = game == Game.TIC_TAC_TOE ? 3 : ConnectFour.ROWS;
        double pad = 6;
        cell = Math.min((w - 2 * pad) / cols, (h - 2 * pad) / rows);
        x0 = Math.floor((w - cell * cols) / 2);
        y0 = Math.floor((h - cell * rows) / 2);
        int ghost = clickable && hover >= 0 && ((legal >> hover) & 1) != 0 ? hover : -1;
        draw(g, theme, game, board, x0, y0, cell * cols, lastMove, ghost, true, fontSize);
    }

    /**
     * Draws {@code board} with its top-left corner at (x, y) and {@code width} wide.
     *
     * @param lastMove ringed, or −1
     * @param ghost    a faint piece of the side to move shown where this move would land, or −1
     * @param indices  whether to print the move indices
     */
    public static void draw(GraphicsContext g, Theme theme, Game game, String board, double x, double y, double width,
                     int lastMove, int ghost, boolean indices, double fontSize) {
        int toMove = count(board, 'X') == count(board, 'O') ? Side.X : Side.O;
        if (game == Game.TIC_TAC_TOE) drawTicTacToe(g, theme, board, x, y, width / 3, lastMove, ghost, toMove, indices, fontSize);
        else drawConnectFour(g, theme, board, x, y, width / ConnectFour.COLUMNS, lastMove, ghost, toMove, indices, fontSize);
        int cols = game == Game.TIC_TAC_TOE ? 3 : ConnectFour.COLUMNS;
        markWin(g, theme, WinningLine.cells(game, board), cols, x, y, width / cols);
    }

    /** A bold stroke through the winning line, end to end, in the theme's highlight colour. */
    private static void markWin(GraphicsContext g, Theme theme, int[] line, int cols, double x, double y, double cell) {
        if (line.length == 0) return;
        int a = line[0];
        int b = line[line.length - 1];
        g.setStroke(theme.highlight());
        g.setLineWidth(Math.max(3, cell * 0.14));
        g.setLineCap(StrokeLineCap.ROUND);
        g.setGlobalAlpha(0.85);
        g.strokeLine(x + (a % cols + 0.5) * cell, y + (a / cols + 0.5) * cell,
                x + (b % cols + 0.5) * cell, y + (b / cols + 0.5) * cell);
        g.setGlobalAlpha(1);
    }

    private static void drawTicTacToe(GraphicsContext g, Theme theme, String board, double x, double y, double cell,
                                      int lastMove, int ghost, int toMove, boolean indices, double fontSize) {
        g.setStroke(theme.foreground());
        g.setLineWidth(Math.max(1, cell * 0.03));
        g.setLineCap(StrokeLineCap.ROUND);
        for (int i = 1; i < 3; i++) {
            g.strokeLine(x + i * cell, y + cell * 0.05, x + i * cell, y + 3 * cell - cell * 0.05);
            g.strokeLine(x + cell * 0.05, y + i * cell, x + 3 * cell - cell * 0.05, y + i * cell);
        }
        for (int m = 0; m < 9; m++) {
            double cx = x + (m % 3 + 0.5) * cell;
            double cy = y + (m / 3 + 0.5) * cell;
            char ch = board.charAt(m);
            if (indices && ch == '.' && cell >= 36) {
                g.setFill(theme.muted());
                g.setFont(Font.font("DejaVu Sans", Math.min(cell * 0.16, fontSize)));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(Integer.toString(m), x + (m % 3) * cell + cell * 0.08, y + (m / 3) * cell + cell * 0.06);
            }
            if (ch == 'X' || ch == 'O') piece(g, theme, ch == 'X' ? Side.X : Side.O, cx, cy, cell, 1);
            else if (m == ghost) piece(g, theme, toMove, cx, cy, cell, 0.3);
            if (m == lastMove) ring(g, theme, x + (m % 3) * cell, y + (m / 3) * cell, cell);
        }
    }

    private static void piece(GraphicsContext g, Theme theme, int side, double cx, double cy, double cell, double alpha) {
        double r = cell * 0.30;
        g.setGlobalAlpha(alpha);
        g.setStroke(SideColors.of(side, theme));
        g.setLineWidth(Math.max(1.5, cell * 0.09));
        g.setLineCap(StrokeLineCap.ROUND);
        if (side == Side.X) {
            g.strokeLine(cx - r, cy - r, cx + r, cy + r);
            g.strokeLine(cx - r, cy + r, cx + r, cy - r);
        } else {
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        g.setGlobalAlpha(1);
    }

    private static void ring(GraphicsContext g, Theme theme, double x, double y, double cell) {
        g.setStroke(theme.highlight());
        g.setLineWidth(Math.max(1.5, cell * 0.04));
        g.strokeRoundRect(x + cell * 0.06, y + cell * 0.06, cell * 0.88, cell * 0.88, cell * 0.15, cell * 0.15);
    }

    private static void drawConnectFour(GraphicsContext g, Theme theme, String board, double x, double y, double cell,
                                        int lastMove, int ghost, int toMove, boolean indices, double fontSize) {
        int rows = ConnectFour.ROWS;
        int cols = ConnectFour.COLUMNS;
        g.setFill(theme == Theme.DARK ? Color.web("#2c3e70") : Color.web("#3b5cb8"));
        g.fillRoundRect(x, y, cols * cell, rows * cell, cell * 0.3, cell * 0.3);
        // The top piece of the last move's column is the one just dropped.
        int lastRow = -1;
        if (lastMove >= 0) {
            for (int r = 0; r < rows; r++) if (board.charAt(r * cols + lastMove) != '.') { lastRow = r; break; }
        }
        int ghostRow = -1;
        if (ghost >= 0) {
            for (int r = rows - 1; r >= 0; r--) if (board.charAt(r * cols + ghost) == '.') { ghostRow = r; break; }
        }
        double rad = cell * 0.38;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double cx = x + (c + 0.5) * cell;
                double cy = y + (r + 0.5) * cell;
                char ch = board.charAt(r * cols + c);
                Color fill = ch == 'X' ? SideColors.of(Side.X, theme) : ch == 'O' ? SideColors.of(Side.O, theme) : theme.background();
                g.setFill(fill);
                g.fillOval(cx - rad, cy - rad, 2 * rad, 2 * rad);
                if (r == ghostRow && c == ghost) {
                    g.setGlobalAlpha(0.35);
                    g.setFill(SideColors.of(toMove, theme));
                    g.fillOval(cx - rad, cy - rad, 2 * rad, 2 * rad);
                    g.setGlobalAlpha(1);
                }
                if (r == lastRow && c == lastMove) {
                    g.setStroke(theme.highlight());
                    g.setLineWidth(Math.max(1.5, cell * 0.08));
                    g.strokeOval(cx - rad, cy - rad, 2 * rad, 2 * rad);
                }
            }
        }
        if (indices && cell >= 24) {
            g.setFill(theme.muted());
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, Math.min(cell * 0.3, fontSize)));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            for (int c = 0; c < cols; c++) {
                if (board.charAt(c) == '.') g.setFill(Color.gray(0.55, 0.9));
                double cx = x + (c + 0.5) * cell;
                // The index sits in the top hole while the column has room.
                if (board.charAt(c) == '.' && !(c == ghost && ghostRow == 0)) g.fillText(Integer.toString(c), cx, y + cell * 0.5);
            }
        }
    }

    private static int count(String s, char ch) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == ch) n++;
        return n;
    }
}
