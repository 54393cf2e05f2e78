package org.mbrllab.engine.alphazero;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.mbrllab.engine.core.Seeds;
import org.mbrllab.engine.games.Game;
import org.mbrllab.engine.games.Match;
import org.mbrllab.engine.games.Minimax;
import org.mbrllab.engine.games.MinimaxPlayer;
import org.mbrllab.engine.games.Player;
import org.mbrllab.engine.games.Side;
import org.mbrllab.engine.run.Engine;

/**
 * What the value network buys at equal simulations: for each budget B of a list (2, 4, 8, …, 512 by
 * default), MCTS with random rollouts (UCB1, c = √2) and MCTS with the network (PUCT, priors and value
 * from the net, no noise, the most visited move) each play {@code gamesPerBudget} games against minimax
 * ({@link Minimax#defaultDepth}: exact for tic-tac-toe), colours alternating. Minimax never loses
 * tic-tac-toe, so the loss rate per budget shows how many simulations each search needs before it stops
 * losing (Silver et al. 2017 compare the same two evaluations in Go at a fixed budget).
 *
 * <p>{@link #step()} plays one game. The order is budget by budget, and within a budget rollouts and
 * network in turn, so both curves grow together. Everything is seeded: the same seed gives the same games.
 */
public final class BudgetComparison implements Engine<BudgetComparison.Snapshot> {

    /** The default budgets: 2, 4, 8, …, 512. */
    public static final List<Integer> DEFAULT_BUDGETS = List.of(2, 4, 8, 16, 32, 64, 128, 256, 512);

    /** The two searches compared. */
    public enum Search {
        ROLLOUTS("MCTS, random rollouts"), NETWORK("MCTS, value network");

        private final String label;

        Search(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Games of one search at one budget, from the search's side. */
    public record Tally(int wins, int draws, int losses) {
        public int games() {
            return wins + draws + losses;
        }

        /** Losses per game; NaN before the first game. */
        public double lossRate() {
            return games() == 0 ? Double.NaN : (double) losses / games();
        }
    }

    /** One budget's results so far. */
    public record Row(int budget, Tally rollouts, Tally network) {
        public Tally of(Search s) {
            return s == Search.ROLLOUTS ? rollouts : network;
        }
    }

    /**
     * @param game           the game
     * @param opponent       how the opponent is described ("minimax (exact)")
     * @param gamesPerBudget games per search and budget
     * @param rows           one per budget, in order
     * @param gamesPlayed    games played so far, both searches
     * @param totalGames     games in all
     * @param done           whether every game is played
     */
    public record Snapshot(Game game, String opponent, int gamesPerBudget, List<Row> rows, int gamesPlayed, int totalGames,
                           boolean done) {
        public Snapshot {
            rows = List.copyOf(rows);
        }
    }

    private final Game game;
    private final PolicyValueNet net;
    private final int[] budgets;
    private final int gamesPerBudget;
    private final double cPuct;
    private final RandomGenerator rng;
    private final Player minimax;
    private final int[][][] tally; // [budget][search][win, draw, loss]
    private int next;

    /**
     * @param net            the network of the network search (its game is the game played)
     * @param budgets        simulations per move, each in [1, 10⁵], at least one
     * @param gamesPerBudget games per search and budget, in [1, 10⁴]
     * @param cPuct          c_puct of the network search
     * @param seed           seeds the searches and minimax's choice among equally good moves
     */
    public BudgetComparison(PolicyValueNet net, List<Integer> budgets, int gamesPerBudget, double cPuct, long seed) {
        this.net = Objects.requireNonNull(net, "net");
        this.game = net.game();
        if (budgets.isEmpty()) throw new IllegalArgumentException("budgets is empty: give at least one");
        this.budgets = new int[budgets.size()];
        for (int i = 0; i < this.budgets.length; i++) {
            int b = budgets.get(i);
            if (b < 1 || b > 100_000) throw new IllegalArgumentException("budget " + b + " is out of range: allowed 1 to 100000");
            this.budgets[i] = b;
        }
        if (gamesPerBudget < 1 || gamesPerBudget > 10_000) {
            throw new IllegalArgumentException("gamesPerBudget " + gamesPerBudget + " is out of range: allowed 1 to 10000");
        }
        this.gamesPerBudget = gamesPerBudget;
        this.cPuct = cPuct;
        this.rng = Seeds.fast(seed);
        this.minimax = new MinimaxPlayer(Minimax.defaultDepth(game), Seeds.random(seed + 1));
        this.tally = new int[this.budgets.length][2][3];
    }

    private int totalGames() {
        return budgets.length * gamesPerBudget * 2;
    }

    @Override
    public boolean step() {
        if (isDone()) return false;
        // Unit n: budget n / (2G), game (n / 2) mod G, search n mod 2.
        int perBudget = 2 * gamesPerBudget;
        int b = next / perBudget;
        int gameIndex = (next % perBudget) / 2;
        Search search = Search.values()[next % 2];
        int sims = budgets[b];
        Player player = search == Search.ROLLOUTS ? AlphaZeroPlayers.pureMcts(game, sims, rng)
                : AlphaZeroPlayers.network(net, sims, cPuct, rng);
        boolean searchIsX = gameIndex % 2 == 0;
        int winner = searchIsX ? Match.play(game, game.newGame(), player, minimax) : Match.play(game, game.newGame(), minimax, player);
        int result = winner == Side.NONE ? 1 : (winner == Side.X) == searchIsX ? 0 : 2;
        tally[b][search.ordinal()][result]++;
        next++;
        return !isDone();
    }

    @Override
    public boolean isDone() {
        return next >= totalGames();
    }

    @Override
    public Snapshot snapshot() {
        List<Row> rows = new ArrayList<>(budgets.length);
        for (int b = 0; b < budgets.length; b++) {
            rows.add(new Row(budgets[b], tally(b, Search.ROLLOUTS), tally(b, Search.NETWORK)));
        }
        return new Snapshot(game, minimax.describe(), gamesPerBudget, rows, next, totalGames(), isDone());
    }

    private Tally tally(int b, Search s) {
        int[] t = tally[b][s.ordinal()];
        return new Tally(t[0], t[1], t[2]);
    }

    /** Plays every game (for tests and the command line). */
    public Snapshot run() {
        while (step()) {
            // keep going
        }
        return snapshot();
    }
}
