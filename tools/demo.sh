#!/usr/bin/env bash
# The demo: from a clone to a running back office with a demo chain.
# Installs what is missing, builds, starts a private MariaDB, migrates,
# bootstraps an admin, starts backofficed, loads three stores with their
# tills, a hundred products (with shelf lives), suppliers with their supplier
# items and the preferred supplier of every product, credit customers and
# store settings through backofficectl, shows them, then stocks every
# store through ordering and receiving (orders approved by a second person,
# deliveries with lots and expiry dates; in Jakarta refusals, a damaged case,
# a partial delivery and a market delivery: backoffice_stock_up), simulates
# a trading day of the six tills (backoffice_simulate_day), shows stock,
# reorder and negative-stock lists and a till's receipt check, the day's
# demand per store (read from the daily rollup), the next morning's ordering
# for Jakarta (suggestions, drafts, a refused self-approval, approvals by a
# second person, sent: backoffice_order_day), the day on account in Jakarta
# (holds, an override by a second person, an offline credit sale, payments
# settling and overpaying: backoffice_credit_day) with the ageing of both
# sides, a supplier payment and the month's payment run, each refused to
# its maker and approved by a second person, the lots near expiry and the
# slow movers, a near-expiry lot returned to its supplier for a credit note
# (four eyes, approved from the supervisor's approval inbox), a write-off
# above the threshold refused to its maker and approved by the supervisor,
# a slow mover sent from Jakarta to Makassar (received with a crushed unit,
# the difference resolved by a manager who did not receive it), two counts
# in Jakarta (a small variance posted at once, a large one waiting for the
# supervisor, who did not count), the tills' sessions (opened in the
# morning with their float, closed in the evening against what each till
# should hold, Jakarta's T1 short and accepted by the supervisor, refused
# to its clerk and to the manager who counted it), the gross profit of each
# store, checks the books (the demo fails if they do not balance), and
# stops what it started.
#
#   ./tools/demo.sh          run the demo and stop everything at the end
#   ./tools/demo.sh --keep   leave MariaDB and the server running
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
# shellcheck source=tools/lib/common.sh
source "$repo/tools/lib/common.sh"
keep=0
[[ ${1:-} == --keep ]] && keep=1

show() { printf '\033[2m$ backofficectl %s\033[0m\n' "$*"; "$ctl" "$@"; }

step "Installing missing packages and building"
build_targets backofficed backofficectl backoffice_simulate_day backoffice_order_day \
  backoffice_stock_up backoffice_credit_day
server="$build_dir/server/app/backofficed"
ctl="$build_dir/tools/backofficectl"
simulate_day="$build_dir/tools/sim/backoffice_simulate_day"
order_day="$build_dir/tools/sim/backoffice_order_day"
stock_up="$build_dir/tools/sim/backoffice_stock_up"
credit_day="$build_dir/tools/sim/backoffice_credit_day"

step "Starting a private MariaDB"
db_dir="$repo/.local/demo-db"
./tools/db.sh start --dir "$db_dir" --port auto
eval "$(./tools/db.sh env --dir "$db_dir")"
export BACKOFFICE_DB_NAME=backoffice_demo
./tools/db.sh create-database "$BACKOFFICE_DB_NAME" --fresh --dir "$db_dir"

step "Migrating the schema and bootstrapping the first admin"
"$server" migrate
admin_token=$("$server" bootstrap-admin --name "demo admin")

port=50051
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
log="$repo/.local/demo-server.log"
setsid "$server" serve --listen "127.0.0.1:$port" >"$log" 2>&1 < /dev/null &
server_pid=$!
cleanup() {
  if [[ $keep == 0 ]]; then
    kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    ./tools/db.sh stop --dir "$db_dir" >/dev/null || true
  fi
}
trap cleanup EXIT
export BACKOFFICE_ADDR="127.0.0.1:$port" BACKOFFICE_TOKEN="$admin_token"
for _ in $(seq 1 100); do "$ctl" health >/dev/null 2>&1 && break; sleep 0.1; done
show health

step "Stores and their tills (admin)"
while read -r code tz name; do
  "$ctl" store create --code "$code" --name "$name" --time-zone "$tz" --currency IDR >/dev/null
  for till in T1 T2; do
    "$ctl" terminal create --store "$code" --code "$till" --name "Kasir $till" >/dev/null
  done
done <<'STORES'
JKT01 Asia/Jakarta Minimarket Jakarta Kemang
MKS01 Asia/Makassar Minimarket Makassar Panakkukang
JYP01 Asia/Jayapura Minimarket Jayapura Abepura
STORES
show store list
show terminal list --store JKT01

step "Tokens: head office, a manager per store, a till (shown once, stored as hashes)"
head_token=$("$ctl" token create --name "Kantor Pusat" --role HEAD_OFFICE -o json | sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p')
secret() { "$ctl" token create "$@" -o json | sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p'; }
manager_jkt=$(secret --name "Manager JKT01" --role STORE_MANAGER --store JKT01)
manager_mks=$(secret --name "Manager MKS01" --role STORE_MANAGER --store MKS01)
manager_jyp=$(secret --name "Manager JYP01" --role STORE_MANAGER --store JYP01)
supervisor_jkt=$(secret --name "Supervisor JKT01" --role STORE_MANAGER --store JKT01)
supervisor_mks=$(secret --name "Supervisor MKS01" --role STORE_MANAGER --store MKS01)
supervisor_jyp=$(secret --name "Supervisor JYP01" --role STORE_MANAGER --store JYP01)
clerk_jkt=$(secret --name "Gudang JKT01" --role STORE_STAFF --store JKT01)
clerk_mks=$(secret --name "Gudang MKS01" --role STORE_STAFF --store MKS01)
clerk_jyp=$(secret --name "Gudang JYP01" --role STORE_STAFF --store JYP01)
till_jkt=$(secret --name "Kasir JKT01/T1" --role POS_TERMINAL --store JKT01 --terminal T1)
show token list

step "The chain's catalog: 100 products imported from CSV by head office"
BACKOFFICE_TOKEN=$head_token show import products tools/demo/products.csv
step "The same file again changes nothing"
BACKOFFICE_TOKEN=$head_token show import products tools/demo/products.csv
show product list --page-size 8
show product get --barcode 8990001000005

step "Suppliers (head office)"
while IFS='|' read -r code name terms; do
  BACKOFFICE_TOKEN=$head_token "$ctl" supplier create --code "$code" --name "$name" \
    --payment-terms-days "$terms" >/dev/null
done <<'SUPPLIERS'
SUP-INDOFOOD|PT Indofood Sukses Makmur|30
SUP-WINGS|PT Wings Surya|30
SUP-UNILEVER|PT Unilever Indonesia|45
SUP-SOSRO|PT Sinar Sosro|21
SUP-PASAR|CV Sayur Segar Pasar Induk|7
SUPPLIERS
show supplier list

step "Supplier items: pack sizes, minimum orders, cost before VAT, lead times (CSV, head office)"
BACKOFFICE_TOKEN=$head_token show supplier-item import tools/demo/supplier_items.csv
BACKOFFICE_TOKEN=$head_token show supplier-item list --sku SKU-1088
BACKOFFICE_TOKEN=$head_token show supplier-item get --supplier SUP-PASAR --sku SKU-1013

step "Preferred suppliers: one per product (each has an active supplier item)"
while read -r sku supplier; do
  BACKOFFICE_TOKEN=$head_token "$ctl" product update --sku "$sku" \
    --preferred-supplier "$supplier" >/dev/null
done < tools/demo/preferred_suppliers.txt
BACKOFFICE_TOKEN=$head_token show product get --sku SKU-1032
step "...a supplier without an item for the product is refused"
BACKOFFICE_TOKEN=$head_token show product update --sku SKU-1001 --preferred-supplier SUP-PASAR || true

step "Per-store settings and credit customers (the Jakarta manager, in his own store)"
export BACKOFFICE_TOKEN=$manager_jkt
"$ctl" setting set --store JKT01 --sku SKU-1001 --reorder-point 48 --min 24 --max 240 >/dev/null
"$ctl" setting set --store JKT01 --sku SKU-1013 --reorder-point 5.5 --min 2.5 --max 25 >/dev/null
"$ctl" setting set --store JKT01 --sku SKU-1006 --price 79500 --currency IDR --reorder-point 10 --min 5 --max 40 >/dev/null
# Tofu and tempe come fresh from the market in Jakarta, not from the chain's
# packaged supplier.
"$ctl" setting set --store JKT01 --sku SKU-1088 --preferred-supplier SUP-PASAR >/dev/null
"$ctl" setting set --store JKT01 --sku SKU-1089 --preferred-supplier SUP-PASAR >/dev/null
"$ctl" customer create --store JKT01 --code C-001 --name "Warung Bu Sri" --phone 0812-1111-2222 \
  --credit-limit 2000000 --currency IDR >/dev/null
"$ctl" customer create --store JKT01 --code C-002 --name "Kantin SD Negeri 5" --credit-limit 1000000 \
  --currency IDR --credit-terms-days 14 >/dev/null
show setting list --store JKT01
show customer list --store JKT01
step "...but not in another store: the server refuses"
show store get --code MKS01 || true
export BACKOFFICE_TOKEN=$admin_token

step "Head office sees every store"
BACKOFFICE_TOKEN=$head_token show store list -o csv

step "Opening deliveries: every store orders a day's goods, a second manager approves, a clerk receives"
# Per supplier an order, four eyes on it, sent, then received with lot
# numbers and expiry dates (two lots of each product that expires). In
# Jakarta the story: the manager's own approval and the approver's own
# receipt are refused, an over-delivery is refused, a damaged case is
# rejected, one product comes half now and half later, the order closes
# short, and tofu bought at the market waits for a manager's approval.
echo "-- JKT01 (Asia/Jakarta)"
"$stock_up" --store JKT01 --time-zone Asia/Jakarta --maker-token "$manager_jkt" \
  --checker-token "$supervisor_jkt" --receiver-token "$clerk_jkt" \
  --preferred tools/demo/preferred_suppliers.txt --story
echo "-- MKS01 (Asia/Makassar)"
"$stock_up" --store MKS01 --time-zone Asia/Makassar --maker-token "$manager_mks" \
  --checker-token "$supervisor_mks" --receiver-token "$clerk_mks" \
  --preferred tools/demo/preferred_suppliers.txt
echo "-- JYP01 (Asia/Jayapura)"
"$stock_up" --store JYP01 --time-zone Asia/Jayapura --maker-token "$manager_jyp" \
  --checker-token "$supervisor_jyp" --receiver-token "$clerk_jyp" \
  --preferred tools/demo/preferred_suppliers.txt
step "The market delivery as the back office shows it, and Jakarta's stock before opening"
BACKOFFICE_TOKEN=$manager_jkt show receipt get --store JKT01 \
  --id "rcv-market-JKT01-$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$manager_jkt show stock list --store JKT01 --page-size 8

step "The morning: each till's session opens with its float (the store's clerk, for the cashier)"
# Every sale, return and cash payment on account at a till belongs to the
# session open on it when it happened; head office sets Jakarta's variance
# threshold at Rp 2.000.
BACKOFFICE_TOKEN=$head_token show closing-settings set JKT01 --till-variance-threshold 2000
day_id=$(TZ=Asia/Jakarta date +%F)
for store_clerk in JKT01:$clerk_jkt MKS01:$clerk_mks JYP01:$clerk_jyp; do
  store=${store_clerk%%:*}
  for till in T1 T2; do
    BACKOFFICE_TOKEN=${store_clerk#*:} "$ctl" session open "$store" "$till" \
      --cashier "kasir-$till" --float 500000 --id "ses-$store-$till-$day_id" >/dev/null
  done
done
BACKOFFICE_TOKEN=$manager_jkt show session list JKT01
# The simulated tills stamp each sale up to 4 s before they send it: the
# day starts once every session has been open that long.
sleep 5

step "A trading day: 3 stores x 2 tills post their sales at once"
# The head office token posts for every till and may void. JKT01/T1 skips two
# receipt numbers and reuses one; JYP01/T2 is offline and uploads its backlog
# afterwards; some sales are sent twice, a few are returned, one is voided.
BACKOFFICE_TOKEN=$head_token "$simulate_day" --stores JKT01,MKS01,JYP01 \
  --sales-per-till 400 --seed 20240501
export BACKOFFICE_TOKEN=$head_token

step "On account in Jakarta: holds before each sale, a refused order overridden by a second person, payments"
# The till asks for a hold before each store-credit sale; the canteen's
# phone order goes over its limit, the manager who took it cannot override
# it himself, the supervisor does; an offline sale is recorded and listed;
# one payment settles several charges, one overpays into an open credit.
"$credit_day" --store JKT01 --till-token "$till_jkt" --manager-token "$manager_jkt" \
  --supervisor-token "$supervisor_jkt" --clerk-token "$clerk_jkt" \
  --day-id "$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$clerk_jkt show account get JKT01 --customer C-001
BACKOFFICE_TOKEN=$clerk_jkt show account open-items JKT01 --customer C-002
BACKOFFICE_TOKEN=$clerk_jkt show account statement JKT01 --customer C-001 \
  --from "$(TZ=Asia/Jakarta date +%F)" --to "$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$manager_jkt show credit exceptions JKT01
step "What the store's customers owe, and what it owes its suppliers (ageing)"
BACKOFFICE_TOKEN=$manager_jkt show account ageing JKT01 --customers
BACKOFFICE_TOKEN=$manager_jkt show account ageing JKT01 --suppliers
step "...and head office, for every store at once"
show account ageing --suppliers --totals

step "Paying a supplier: above the store's limit the clerk's payment waits for a manager"
# Head office sets Jakarta's limits: supplier payments above Rp 5.000.000
# need a second person, write-offs above Rp 500.000 need head office, and a
# supplier invoice matches only when it asks exactly what was received (0,
# the default).
BACKOFFICE_TOKEN=$head_token show credit-settings set JKT01 --supplier-payment-limit 5000000 \
  --write-off-head-office-limit 500000 --invoice-tolerance 0 \
  --payment-run-head-office-limit 500000000
week_end=$(TZ=Asia/Jakarta date -d '+7 days' +%F)
BACKOFFICE_TOKEN=$clerk_jkt show payables due JKT01 --by "$week_end"
sosro_owed=$(BACKOFFICE_TOKEN=$clerk_jkt "$ctl" account get JKT01 --supplier SUP-SOSRO -o json |
  /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["balance"]["minor_units"])')
BACKOFFICE_TOKEN=$clerk_jkt show payment record JKT01 --supplier SUP-SOSRO --amount "$sosro_owed" \
  --method bank-transfer --reference "BCA-SOSRO-$(TZ=Asia/Jakarta date +%F)" \
  --id "pay-sosro-$(TZ=Asia/Jakarta date +%F)"
step "...the clerk cannot approve it; the manager does, and it is posted against the deliveries"
BACKOFFICE_TOKEN=$clerk_jkt show approve JKT01 "pay-sosro-$(TZ=Asia/Jakarta date +%F)" \
  --type supplier-payment || true
BACKOFFICE_TOKEN=$manager_jkt show approve JKT01 "pay-sosro-$(TZ=Asia/Jakarta date +%F)" \
  --type supplier-payment
BACKOFFICE_TOKEN=$manager_jkt show account get JKT01 --supplier SUP-SOSRO
BACKOFFICE_TOKEN=$manager_jkt show requests list JKT01

step "The month's payment run: one payment per supplier owed by $(TZ=Asia/Jakarta date -d '+31 days' +%F), prepared by the manager"
# Every open payable due by then that no blocked invoice holds, net of each
# supplier's open credits (Sosro was paid above, Unilever's terms run
# longer). Nothing is paid until a second person approves the run.
month_end=$(TZ=Asia/Jakarta date -d '+31 days' +%F)
run_id="run-jkt-$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$manager_jkt show payment-run prepare JKT01 --due-by "$month_end" \
  --reference "BCA-BATCH-$(TZ=Asia/Jakarta date +%F)" --id "$run_id"
step "...the manager cannot approve his own run (SELF_APPROVAL_FORBIDDEN); the supervisor does, and every supplier is paid"
BACKOFFICE_TOKEN=$manager_jkt show payment-run approve JKT01 "$run_id" || true
BACKOFFICE_TOKEN=$supervisor_jkt show payment-run approve JKT01 "$run_id"
BACKOFFICE_TOKEN=$manager_jkt show payables due JKT01 --by "$month_end"

step "Lots close to their sellable-until day in Jakarta (expiry minus the sell-by margin, as FEFO sells), and what does not sell"
BACKOFFICE_TOKEN=$manager_jkt show stock expiring JKT01 --within 7 --page-size 8
# Slow movers need history: after one day every product on the shelf has
# sold, so the list starts empty and fills as the days go by.
BACKOFFICE_TOKEN=$manager_jkt show stock slow JKT01 --page-size 5
step "...and head office, for every store at once: lots already past their day"
show stock expiring --expired --page-size 5

step "A near-expiry lot goes back to its supplier for credit: drafted by the manager, refused to him, approved by the supervisor, shipped by the clerk"
# The first lot of the list above: two units of it (or what is left), to
# the product's preferred supplier, who supplies it.
read -r ret_sku ret_lot ret_expiry ret_qty ret_supplier < <(
  BACKOFFICE_TOKEN=$manager_jkt "$ctl" stock expiring JKT01 --within 7 -o json |
  /usr/bin/python3 -c 'import json,sys
lots=[l for l in json.load(sys.stdin) if l.get("supplier_code")]
l=lots[0]
print(l["sku"], l.get("lot_code") or "-", l["expiry_date"], min(2000, int(l["quantity_milli"]))/1000, l["supplier_code"])')
[[ $ret_lot == - ]] && ret_lot=""
return_id="ret-jkt-$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$manager_jkt show supplier-return create JKT01 --supplier "$ret_supplier" \
  --lot "$ret_sku:$ret_lot:$ret_expiry:$ret_qty:near_expiry" --id "$return_id" \
  --note "short-dated, the supplier takes it back"
BACKOFFICE_TOKEN=$manager_jkt show supplier-return approve JKT01 "$return_id" || true
step "...the supervisor's one inbox: everything in Jakarta that waits for a second person; he approves the return from it"
BACKOFFICE_TOKEN=$supervisor_jkt show approvals list JKT01
BACKOFFICE_TOKEN=$supervisor_jkt show approvals approve JKT01 --kind supplier_return "$return_id"
BACKOFFICE_TOKEN=$clerk_jkt show supplier-return ship JKT01 "$return_id"
step "...the credit note is in the supplier's ledger: paid up by the run, the store is now owed it (an open credit the next delivery uses up)"
BACKOFFICE_TOKEN=$manager_jkt show account get JKT01 --supplier "$ret_supplier"
BACKOFFICE_TOKEN=$manager_jkt show account open-items JKT01 --supplier "$ret_supplier"

step "Damaged goods: a write-off above the store's threshold waits for a second person; refused to the manager who asked, approved by the supervisor"
# Head office sets Jakarta's threshold at Rp 50.000 at cost; the freezer's
# beef is worth more.
BACKOFFICE_TOKEN=$head_token show inventory-settings set JKT01 --write-off-threshold 50000
writeoff_id="wo-jkt-$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$manager_jkt show stock adjust --store JKT01 --sku SKU-1023 --quantity=-1.5 \
  --reason damage --note "freezer failure overnight" --adjustment-id "$writeoff_id"
BACKOFFICE_TOKEN=$manager_jkt show writeoff approve JKT01 "$writeoff_id" || true
BACKOFFICE_TOKEN=$supervisor_jkt show writeoff approve JKT01 "$writeoff_id"

step "A slow mover moves to a store that sells it: Jakarta sends it to Makassar, in transit for both stores"
# Of what Jakarta holds, the product that covers the most days of its own
# sales while Makassar sold some today: five units go, lot by lot at cost.
read -r move_sku move_qty < <(
  { BACKOFFICE_TOKEN=$manager_jkt "$ctl" stock list --store JKT01 --all -o json
    echo "---"
    BACKOFFICE_TOKEN=$manager_jkt "$ctl" demand JKT01 --end-day "$(TZ=Asia/Jakarta date +%F)" --window-days 1 --all -o json 2>/dev/null
    echo "---"
    BACKOFFICE_TOKEN=$manager_mks "$ctl" demand MKS01 --end-day "$(TZ=Asia/Makassar date +%F)" --window-days 1 --all -o json 2>/dev/null
  } | /usr/bin/python3 -c 'import json,sys
parts=sys.stdin.read().split("---")
stock,jkt,mks=[json.loads(p) if p.strip() else [] for p in parts]
sold_jkt={d["sku"]:int(d.get("net_quantity_milli",0)) for d in jkt}
sold_mks={d["sku"]:int(d.get("net_quantity_milli",0)) for d in mks}
best=max((int(s.get("on_hand_milli",0))/(sold_jkt.get(s["sku"],0)+1000),s["sku"],int(s.get("on_hand_milli",0)))
         for s in stock if sold_mks.get(s["sku"],0)>0 and int(s.get("on_hand_milli",0))>=6000)
print(best[1], 5)')
transfer_id="tr-jkt-mks-$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$clerk_jkt show transfer send JKT01 MKS01 --line "$move_sku:$move_qty" \
  --id "$transfer_id" --note "sells faster in Makassar"
BACKOFFICE_TOKEN=$manager_mks show transfer list MKS01 --direction incoming --state in_transit
step "...Makassar receives it: four in good order, one crushed; the difference waits for a manager who did not receive it"
BACKOFFICE_TOKEN=$clerk_mks show transfer receive MKS01 JKT01 "$transfer_id" --line "1:4:1"
BACKOFFICE_TOKEN=$clerk_mks show transfer receive MKS01 JKT01 "$transfer_id" || true
BACKOFFICE_TOKEN=$supervisor_mks show approvals list MKS01
BACKOFFICE_TOKEN=$supervisor_mks show transfer resolve MKS01 JKT01 "$transfer_id" \
  --as write_off --reason "crushed in the van, photo on file"

step "Counting the shelves in Jakarta: the books frozen at the opening, sales go on, the variance is only what nothing explains"
# Head office sets the count thresholds: above Rp 20.000 of variance at
# cost a manager who did not count approves, above Rp 1.000.000 head office.
BACKOFFICE_TOKEN=$head_token show inventory-settings set JKT01 --count-threshold 20000 \
  --count-head-office-threshold 1000000
on_hand() {
  BACKOFFICE_TOKEN=$manager_jkt "$ctl" stock get --store JKT01 --sku "$1" -o json |
    /usr/bin/python3 -c 'import json,sys
d=json.load(sys.stdin); l=d.get("stock_level",d)
print(int(l.get("on_hand_milli",0))/1000)'
}
count_small="cnt-jkt-noodles-$(TZ=Asia/Jakarta date +%F)"
BACKOFFICE_TOKEN=$clerk_jkt show count open JKT01 --sku SKU-1001 --sku SKU-1002 --id "$count_small"
noodles=$(on_hand SKU-1001)
BACKOFFICE_TOKEN=$clerk_jkt show count enter JKT01 "$count_small" --entry shelf-1 \
  --line "SKU-1001:$(/usr/bin/python3 -c "print($noodles - 3)")" --line "SKU-1002:$(on_hand SKU-1002)"
step "...three packets of noodles short, worth less than the threshold: posted at once"
BACKOFFICE_TOKEN=$clerk_jkt show count post JKT01 "$count_small"
count_big="cnt-jkt-freezer-$(TZ=Asia/Jakarta date +%F)"
step "...the freezer is half a kilo of beef short: above the threshold, the count waits"
BACKOFFICE_TOKEN=$clerk_jkt show count open JKT01 --sku SKU-1023 --id "$count_big"
BACKOFFICE_TOKEN=$clerk_jkt show count enter JKT01 "$count_big" --entry freezer \
  --line "SKU-1023:$(/usr/bin/python3 -c "print(round($(on_hand SKU-1023) - 0.5, 3))")"
BACKOFFICE_TOKEN=$clerk_jkt show count post JKT01 "$count_big"
BACKOFFICE_TOKEN=$supervisor_jkt show approvals list JKT01
step "...the clerk who counted may not approve it; the supervisor, who did not count, does"
BACKOFFICE_TOKEN=$clerk_jkt show count approve JKT01 "$count_big" || true
BACKOFFICE_TOKEN=$supervisor_jkt show approvals approve JKT01 --kind stock_count "$count_big"
BACKOFFICE_TOKEN=$manager_jkt show count get JKT01 "$count_big"

step "The evening: each till's cash is counted against what it should hold; a drop to the safe and a payout in Jakarta first"
BACKOFFICE_TOKEN=$clerk_jkt show session drop JKT01 "ses-JKT01-T1-$day_id" --amount 1000000 --id drop-1
BACKOFFICE_TOKEN=$clerk_jkt show session payout JKT01 "ses-JKT01-T1-$day_id" --amount 35000 \
  --reason "ice for the fish counter" --id payout-1
expected_cash() {
  BACKOFFICE_TOKEN=$head_token "$ctl" session get "$1" "$2" -o json |
    /usr/bin/python3 -c 'import json,sys
d=json.load(sys.stdin); s=d.get("session",d)
print(int(s["expected_cash"].get("minor_units",0)))'
}
for store_clerk in JKT01:$clerk_jkt MKS01:$clerk_mks JYP01:$clerk_jyp; do
  store=${store_clerk%%:*}
  for till in T1 T2; do
    [[ $store == JKT01 && $till == T1 ]] && continue
    id="ses-$store-$till-$day_id"
    BACKOFFICE_TOKEN=${store_clerk#*:} "$ctl" session close "$store" "$id" \
      --counted "$(expected_cash "$store" "$id")" >/dev/null
  done
done
step "...Jakarta's T1 is Rp 3.000 short, above the threshold: the variance waits"
t1="ses-JKT01-T1-$day_id"
BACKOFFICE_TOKEN=$manager_jkt show session close JKT01 "$t1" \
  --counted "$(( $(expected_cash JKT01 "$t1") - 3000 ))"
step "...the cashier's clerk and the manager who counted may not accept it; the supervisor does, from his inbox"
BACKOFFICE_TOKEN=$clerk_jkt show session accept JKT01 "$t1" --reason "my own till" || true
BACKOFFICE_TOKEN=$manager_jkt show session accept JKT01 "$t1" --reason "counted it myself" || true
BACKOFFICE_TOKEN=$supervisor_jkt show approvals list JKT01
BACKOFFICE_TOKEN=$supervisor_jkt show approvals approve JKT01 --kind till_variance "$t1" \
  --reason "coins short, cashier warned"
show session list JKT01

step "Stock in Jakarta after the day (in each product's unit; -o json|csv keep the exact thousandths)"
show stock list --store JKT01 --page-size 10
step "At or below their reorder point: time to order"
show stock list --store JKT01 --reorder
step "Negative stock: none expected, every product was delivered before opening"
show stock list --store JKT01 --negative --page-size 10

business_day=$(TZ=Asia/Jakarta date +%F)
step "The receipt check of JKT01/T1 for $business_day (Asia/Jakarta): the gap and the reused number"
show receipts check --store JKT01 --terminal T1 --day "$business_day"

step "The day's demand per store, from the daily rollup (top of each list; -o csv keeps the thousandths)"
while read -r code tz; do
  day=$(TZ=$tz date +%F)
  products=$("$ctl" demand "$code" --end-day "$day" --window-days 1 --all -o csv 2>/dev/null | tail -n +2 | wc -l)
  echo "$code ($day, $tz): $products products sold"
  show demand "$code" --end-day "$day" --window-days 1 --page-size 5 2>/dev/null
done <<'ZONES'
JKT01 Asia/Jakarta
MKS01 Asia/Makassar
JYP01 Asia/Jayapura
ZONES

tomorrow=$(TZ=Asia/Jakarta date -d tomorrow +%F)
step "The next morning ($tomorrow) in Jakarta: suggestions, drafts, four eyes, sent"
# The manager drafts and submits; his own approval is refused
# (SELF_APPROVAL_FORBIDDEN); the store's supervisor approves, or head office
# above the store's approval limit; the orders are sent.
"$order_day" --store JKT01 --maker-token "$manager_jkt" --checker-token "$supervisor_jkt" \
  --head-office-token "$head_token" --run-id "jkt-$tomorrow" --as-of "$tomorrow" \
  --approval-limit 25000000
show purchasing-settings get --store JKT01
show order list --store JKT01
step "Suggestions now: what the sent orders cover is not suggested again"
BACKOFFICE_TOKEN=$manager_jkt show order suggest JKT01 --as-of "$tomorrow"

step "Gross profit per store: each sale line's cost at the moment of sale, summed"
while read -r code tz; do
  day=$(TZ=$tz date +%F)
  echo "-- $code ($day)"
  show profit --store "$code" --from "$day"
done <<'ZONES'
JKT01 Asia/Jakarta
MKS01 Asia/Makassar
JYP01 Asia/Jayapura
ZONES

step "The books check themselves: balances and lots, sale totals and costs, movements, the demand rollup, orders, receipts, payables and the party ledger"
if ! show verify; then
  echo "demo: the ledger does not balance" >&2
  exit 1
fi
export BACKOFFICE_TOKEN=$admin_token

step "The audit trail (newest first)"
show audit list --page-size 12

if [[ $keep == 1 ]]; then
  step "Still running"
  echo "server: 127.0.0.1:$port (log $log), MariaDB: $db_dir"
  echo "export BACKOFFICE_ADDR=127.0.0.1:$port BACKOFFICE_TOKEN=<admin token printed by bootstrap>"
  echo "the admin token of this demo: $admin_token"
  echo "stop with: kill $server_pid; tools/db.sh stop --dir $db_dir"
else
  step "Stopping the server (SIGTERM) and MariaDB"
fi
