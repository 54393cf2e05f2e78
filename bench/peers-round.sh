#!/usr/bin/env bash
# Issue 16's side-by-side measure: ROUNDS rounds, each running the project's bench commands and the peers in
# ../shared/peers/ one after another, so that ratios can be taken within a round. Run by hand on a quiet machine:
#   bench/peers-round.sh target/mbrl-lab.jar 3
set -euo pipefail
JAR=${1:?usage: bench/peers-round.sh JAR [ROUNDS]}
ROUNDS=${2:-3}
PEERS=$(cd "$(dirname "$0")/../../shared/peers" && pwd)
gcc -O3 -march=native -o /tmp/vi_c "$PEERS/vi_c.c"
gcc -O2 -march=native -o /tmp/mcts_c "$PEERS/mcts_c.c" -lm
key() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
echo "start $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$ROUNDS"); do
  for n in 100 300; do
    j=$(java -jar "$JAR" bench value-iteration --size "$n" --slip 0.2 --sweeps 200 --json | key ms_per_sweep)
    c=$(/tmp/vi_c "$n" 200 | key ms_per_sweep)
    p=$(python3 "$PEERS/vi_numpy.py" "$n" 200 | key ms_per_sweep)
    echo "round $r vi $n java $j c $c numpy $p"
  done
  a=$(OMP_NUM_THREADS=1 java -jar "$JAR" bench ensemble --members 5 --epochs 7 --warmup-seconds 3 --json 2>/dev/null | key member_samples_per_second)
  b=$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 "$PEERS/ensemble_numpy.py" 5 | key member_samples_per_second)
  s=$(OMP_NUM_THREADS=1 java -jar "$JAR" bench ensemble --members 5 --mode split --threads 2 --epochs 7 --warmup-seconds 3 --json 2>/dev/null | key member_samples_per_second)
  o=$(OMP_NUM_THREADS=2 java -jar "$JAR" bench ensemble --members 5 --epochs 7 --warmup-seconds 3 --json 2>/dev/null | key member_samples_per_second)
  e=$(OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 python3 "$PEERS/ensemble_numpy.py" 5 | key member_samples_per_second)
  echo "round $r ensemble 1thr java $a numpy $b | 2thr java-split $s java-batched-omp2 $o numpy $e"
  for g in connect4 tictactoe; do
    m=$(java -jar "$JAR" bench mcts --game "$g" --simulations 100000 --json | key simulations_per_second)
    c=$(/tmp/mcts_c "$g" 100000 | key simulations_per_second)
    echo "round $r mcts $g java $m c $c"
  done
done
echo "end $(date -u) load $(cut -d' ' -f1-3 /proc/loadavg)"
