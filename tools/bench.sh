#!/usr/bin/env bash
# The throughput benchmark (see docs/BENCHMARKS.md): sales per second through
# RecordSale, through UploadSales, and straight into MariaDB, in one run on a
# private, fresh MariaDB. Builds what it needs, starts the database and
# backofficed, creates a store with its tills, the demo catalog and a head
# office token, runs backoffice_bench, and stops everything it started.
#
#   ./tools/bench.sh [--clients N] [--sales N] [--batch-size N] [--rounds N]
#
# --sales is per phase and round (default 4000); the three phases run in
# turn --rounds times (default 3) and the figures are totals.
#
# Then SuggestOrders for a store with 5,000 products and 90 days of sales,
# beside a raw SELECT of the same rollup rows (backoffice_suggest_bench),
# 200-line deliveries received through the server beside the same rows
# written raw (backoffice_receive_bench), and credit holds and a chain-wide
# ageing through the server beside the same work raw
# (backoffice_credit_bench), and 200 suppliers paid in one payment run
# beside the same payments one by one (backoffice_payment_run_bench), and
# the chain-wide near-expiry and slow-mover reads over 100 stores beside
# the same reads raw (backoffice_stock_control_bench), and write-offs and
# supplier returns by four eyes beside the same rows raw
# (backoffice_stock_documents_bench), and a count of 5,000 products posted
# and transfers between stores beside the same rows raw
# (backoffice_count_transfer_bench), and a till's session of 1,250 sales
# closed beside the same totals raw (backoffice_session_close_bench).
#
# The last line of the output is `unary_vs_raw=R backlog_vs_unary=R
# suggest_ms=N suggest_vs_raw=R receive_per_s=N receive_raw_per_s=N
# receive_vs_raw=R authorize_per_s=N authorize_raw_per_s=N
# authorize_vs_raw=R ageing_ms=N ageing_raw_ms=N ageing_vs_raw=R run_ms=N
# run_payments_ms=N run_vs_payments=R expiring_ms=N expiring_raw_ms=N
# expiring_vs_raw=R slow_ms=N slow_raw_ms=N slow_vs_raw=R writeoff_per_s=N
# writeoff_raw_per_s=N writeoff_vs_raw=R return_per_s=N return_raw_per_s=N
# return_vs_raw=R count_post_ms=N count_raw_ms=N count_vs_raw=R
# transfer_per_s=N transfer_raw_per_s=N transfer_vs_raw=R
# session_close_ms=N session_close_raw_ms=N session_close_vs_raw=R`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
# shellcheck source=tools/lib/common.sh
source "$repo/tools/lib/common.sh"

clients=8
sales=4000
batch_size=500
rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --sales) sales=$2; shift 2 ;;
    --batch-size) batch_size=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "usage: tools/bench.sh [--clients N] [--sales N] [--batch-size N] [--rounds N]" >&2
       exit 2 ;;
  esac
done


step "Installing missing packages and building"
build_targets backofficed backofficectl backoffice_bench backoffice_suggest_bench \
  backoffice_receive_bench backoffice_credit_bench backoffice_payment_run_bench \
  backoffice_stock_control_bench backoffice_stock_documents_bench \
  backoffice_count_transfer_bench backoffice_session_close_bench
server="$build_dir/server/app/backofficed"
ctl="$build_dir/tools/backofficectl"
bench="$build_dir/tools/sim/backoffice_bench"
suggest_bench="$build_dir/tools/sim/backoffice_suggest_bench"
receive_bench="$build_dir/tools/sim/backoffice_receive_bench"
credit_bench="$build_dir/tools/sim/backoffice_credit_bench"
payment_run_bench="$build_dir/tools/sim/backoffice_payment_run_bench"
stock_control_bench="$build_dir/tools/sim/backoffice_stock_control_bench"
stock_documents_bench="$build_dir/tools/sim/backoffice_stock_documents_bench"
count_transfer_bench="$build_dir/tools/sim/backoffice_count_transfer_bench"
session_close_bench="$build_dir/tools/sim/backoffice_session_close_bench"

step "Starting a private MariaDB"
work=$(mktemp -d "${TMPDIR:-/tmp}/backoffice-bench.XXXXXX")
db_dir="$work/db"
server_pid=""
cleanup() {
  if [[ -n $server_pid ]]; then
    kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  fi
  ./tools/db.sh stop --dir "$db_dir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
./tools/db.sh start --dir "$db_dir" --port auto
eval "$(./tools/db.sh env --dir "$db_dir")"
export BACKOFFICE_DB_NAME=backoffice_bench
./tools/db.sh create-database "$BACKOFFICE_DB_NAME" --fresh --dir "$db_dir"

step "Migrating, bootstrapping an admin, starting backofficed"
"$server" migrate
admin_token=$("$server" bootstrap-admin --name "bench admin")
port=50051
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
# Every client holds a connection while it posts, and a few spare ones
# serve the rest, so that no call waits for the pool.
setsid "$server" serve --listen "127.0.0.1:$port" --db-pool-size $((clients + 4)) \
  --log-level warn >"$work/server.log" 2>&1 </dev/null &
server_pid=$!
export BACKOFFICE_ADDR="127.0.0.1:$port" BACKOFFICE_TOKEN="$admin_token"
for _ in $(seq 1 100); do "$ctl" health >/dev/null 2>&1 && break; sleep 0.1; done
"$ctl" health

step "A store with $clients tills, the demo catalog, a head office token"
"$ctl" store create --code B1 --name "Bench" --time-zone Asia/Jakarta --currency IDR >/dev/null
for i in $(seq 1 "$clients"); do
  "$ctl" terminal create --store B1 --code "T$i" --name "Bench till $i" >/dev/null
done
head_token=$("$ctl" token create --name bench --role HEAD_OFFICE -o json |
  sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p')
[[ -n $head_token ]] || { echo "bench.sh: no token secret" >&2; exit 1; }
BACKOFFICE_TOKEN=$head_token "$ctl" import products tools/demo/products.csv

step "Benchmark: unary, backlog, raw SOCI"
set +e
BACKOFFICE_TOKEN=$head_token "$bench" --store B1 --clients "$clients" --sales "$sales" \
  --batch-size "$batch_size" --rounds "$rounds" --watch "backofficed=$server_pid" \
  --watch "mariadbd=$(cat "$db_dir/run/mariadb.pid")" | tee "$work/sales.out"
sales_status=${PIPESTATUS[0]}
set -e

step "Benchmark: SuggestOrders, 5,000 products x 90 days, and raw SELECT"
"$ctl" store create --code SB1 --name "Suggest bench" --time-zone Asia/Jakarta \
  --currency IDR >/dev/null
BACKOFFICE_TOKEN=$head_token "$suggest_bench" --store SB1 --products 5000 \
  --days 90 --rounds "$rounds" | tee "$work/suggest.out"

step "Benchmark: 200-line deliveries received, and the same rows raw"
"$ctl" store create --code RB1 --name "Receive bench" --time-zone Asia/Jakarta \
  --currency IDR >/dev/null
BACKOFFICE_TOKEN=$head_token "$receive_bench" --store RB1 --lines 200 \
  --receipts 20 | tee "$work/receive.out"

step "Benchmark: credit holds and a chain-wide ageing, and the same work raw"
"$ctl" store create --code CB1 --name "Credit bench" --time-zone Asia/Jakarta \
  --currency IDR >/dev/null
# The issue's chain: 100 stores of 200 customers each, a year of charges
# and payments.
BACKOFFICE_TOKEN=$head_token "$credit_bench" --store CB1 --clients "$clients" \
  --rounds "$rounds" --ageing-stores 100 --ageing-customers 200 \
  --page-size 1000 | tee "$work/credit.out"

step "Benchmark: 200 suppliers paid in one payment run, and the same payments one by one"
"$ctl" store create --code PB1 --name "Payment run bench" --time-zone Asia/Jakarta \
  --currency IDR >/dev/null
# The run's checker is a second person: another head office token.
checker_token=$("$ctl" token create --name "bench checker" --role HEAD_OFFICE -o json |
  sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p')
[[ -n $checker_token ]] || { echo "bench.sh: no checker token secret" >&2; exit 1; }
BACKOFFICE_TOKEN=$head_token "$payment_run_bench" --store PB1 \
  --checker-token "$checker_token" --suppliers 200 --payables 5 \
  --rounds "$rounds" | tee "$work/payment_run.out"

step "Benchmark: near expiry and slow movers over 100 stores, and the same reads raw"
BACKOFFICE_TOKEN=$head_token "$stock_control_bench" --stores 100 --products 500 \
  --rounds "$rounds" --page-size 1000 | tee "$work/stock_control.out"

step "Benchmark: write-offs and supplier returns by four eyes, and the same rows raw"
"$ctl" store create --code DB1 --name "Stock documents bench" --time-zone Asia/Jakarta \
  --currency IDR >/dev/null
staff_token=$("$ctl" token create --name "bench clerk" --role STORE_STAFF --store DB1 -o json |
  sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p')
manager_token=$("$ctl" token create --name "bench manager" --role STORE_MANAGER --store DB1 -o json |
  sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p')
[[ -n $staff_token && -n $manager_token ]] || { echo "bench.sh: no store token secret" >&2; exit 1; }
"$stock_documents_bench" --store DB1 --staff-token "$staff_token" \
  --manager-token "$manager_token" --documents 200 --rounds "$rounds" |
  tee "$work/stock_documents.out"

step "Benchmark: a count of 5,000 products posted and transfers between stores, and the same rows raw"
for code in KB1 KB2 KB3; do
  "$ctl" store create --code "$code" --name "Count bench $code" --time-zone Asia/Jakarta \
    --currency IDR >/dev/null
done
store_staff() {
  "$ctl" token create --name "bench staff $1" --role STORE_STAFF --store "$1" -o json |
    sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p'
}
counter_token=$(store_staff KB1)
sender_token=$(store_staff KB2)
receiver_token=$(store_staff KB3)
[[ -n $counter_token && -n $sender_token && -n $receiver_token ]] ||
  { echo "bench.sh: no store token secret" >&2; exit 1; }
"$count_transfer_bench" --count-store KB1 --from-store KB2 --to-store KB3 \
  --counter-token "$counter_token" --sender-token "$sender_token" \
  --receiver-token "$receiver_token" --products 5000 --transfers 200 \
  --rounds "$rounds" | tee "$work/count_transfer.out"

step "Benchmark: a till's session of 1,250 sales closed, and the same totals raw"
"$ctl" store create --code SB2 --name "Session bench" --time-zone Asia/Jakarta \
  --currency IDR >/dev/null
"$ctl" terminal create --store SB2 --code T1 --name "Session bench till" >/dev/null
session_token=$(store_staff SB2)
[[ -n $session_token ]] || { echo "bench.sh: no store token secret" >&2; exit 1; }
"$session_close_bench" --store SB2 --terminal T1 --token "$session_token" \
  --sales 1250 --rounds "$rounds" | tee "$work/session_close.out"

# The sales benchmark's last line, with the other benchmarks' keys added.
echo "$(tail -n 1 "$work/sales.out") $(tail -n 1 "$work/suggest.out")" \
  "$(tail -n 1 "$work/receive.out") $(tail -n 1 "$work/credit.out")" \
  "$(tail -n 1 "$work/payment_run.out") $(tail -n 1 "$work/stock_control.out")" \
  "$(tail -n 1 "$work/stock_documents.out") $(tail -n 1 "$work/count_transfer.out")" \
  "$(tail -n 1 "$work/session_close.out")"
exit "$sales_status"
