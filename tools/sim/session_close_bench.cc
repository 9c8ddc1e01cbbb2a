// The till session benchmark (tools/bench.sh runs it last): closing a
// till's session of --sales sales (a store day of 10,000 sales over 8
// tills is 1,250 a till) through CloseTillSession, beside the raw SQL that
// computes the same totals from the sale rows in the same run.
//
// Per round a session is opened on the till through the server, --sales
// cash sales (each with change) are seeded through SQL in its window, and
// the close is timed: the session's row locked, the till's sales, returns
// and payments on account of the window read and each linked to the
// session, the drops and payouts, the expected cash, the variance and the
// audit. Raw: one SELECT of the same window's cash (tendered minus change)
// and count from `sales` and `sale_tenders`, and the returns' and
// payments' sums. The last line is `session_close_ms=N
// session_close_raw_ms=N session_close_vs_raw=R` (a ratio of times: above
// 1, the server takes longer), medians of --rounds rounds.
#include <google/protobuf/util/time_util.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "bench_clock.h"
#include "bench_db.h"
#include "core/domain/clock.h"
#include "core/storage/database.h"
#include "core/storage/multi_insert.h"
#include "core/storage/sql_util.h"

namespace {

namespace v1 = backoffice::v1;
using backoffice::sim::Clock;
using backoffice::sim::Median;
using backoffice::sim::MillisSince;
using DbStatus = backoffice::domain::Status;
using backoffice::storage::MultiInsert;

struct Ids {
  long long store_id = 0;
  long long terminal_id = 0;
};

// `sales` cash sales of 7,000 paid with 10,000 in the session's window,
// straight into the sales tables.
void SeedSales(backoffice::storage::Database& db, const Ids& ids,
               const std::string& tag, long long from_micros, int sales,
               long long* receipt) {
  auto status = db.InTransaction([&](soci::session& s) {
    MultiInsert rows(
        "INSERT INTO sales (sale_id, fingerprint, store_id, terminal_id, "
        "cashier, receipt_number, sale_time, business_day, record_time, "
        "total_minor, currency_code, state)",
        7,
        "(?, REPEAT('0', 64), ?, ?, 'bench', ?, TIMESTAMPADD(MICROSECOND, ?, "
        "'1970-01-01'), UTC_DATE(), TIMESTAMPADD(MICROSECOND, ?, "
        "'1970-01-01'), ?, 'IDR', 'RECORDED')");
    for (int i = 0; i < sales; ++i) {
      const long long at = from_micros + 1 + i;
      rows.AddRow({tag + "-" + std::to_string(i), ids.store_id, ids.terminal_id,
                   ++*receipt, at, at, 7000LL});
    }
    rows.Execute(s);
    const long long first = backoffice::storage::LastInsertId(s);
    MultiInsert tenders(
        "INSERT INTO sale_tenders (sale_pk, tender_number, tender_type, "
        "amount_minor, change_minor, customer_id, reference)",
        1, "(?, 1, 'CASH', 10000, 3000, NULL, '')");
    for (int i = 0; i < sales; ++i) tenders.AddRow({first + i});
    tenders.Execute(s);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

// The same totals straight from the rows.
long long CashRaw(backoffice::storage::Database& db, const Ids& ids,
                  long long from, long long to) {
  long long cash = 0, count = 0, refunds = 0, on_account = 0;
  auto status = db.WithSession([&](soci::session& s) {
    long long t = ids.terminal_id;
    s << "SELECT COUNT(DISTINCT s.id), IFNULL(SUM(IF(t.tender_type = "
         "'CASH', t.amount_minor - t.change_minor, 0)), 0) FROM sales s JOIN "
         "sale_tenders t ON t.sale_pk = s.id WHERE s.terminal_id = :t AND "
         "s.state <> 'VOIDED' AND s.sale_time >= TIMESTAMPADD(MICROSECOND, "
         ":f, '1970-01-01') AND s.sale_time < TIMESTAMPADD(MICROSECOND, :e, "
         "'1970-01-01')",
        soci::use(t), soci::use(from), soci::use(to), soci::into(count),
        soci::into(cash);
    s << "SELECT IFNULL(SUM(IF(refund_tender_type = 'CASH', "
         "refund_total_minor, 0)), 0) FROM sale_returns WHERE terminal_id = "
         ":t AND return_time >= TIMESTAMPADD(MICROSECOND, :f, '1970-01-01') "
         "AND return_time < TIMESTAMPADD(MICROSECOND, :e, '1970-01-01')",
        soci::use(t), soci::use(from), soci::use(to), soci::into(refunds);
    s << "SELECT IFNULL(SUM(amount_minor), 0) FROM party_documents WHERE "
         "terminal_id = :t AND document_type = 'PAYMENT' AND party_kind = "
         "'CUSTOMER' AND payment_method = 'CASH' AND create_time >= "
         "TIMESTAMPADD(MICROSECOND, :f, '1970-01-01') AND create_time < "
         "TIMESTAMPADD(MICROSECOND, :e, '1970-01-01')",
        soci::use(t), soci::use(from), soci::use(to), soci::into(on_account);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
  (void)count;
  return cash - refunds + on_account;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "Closing a till's session through backofficed, beside the same totals "
      "computed raw"};
  std::string address = "127.0.0.1:50051";
  std::string store = "SB2";
  std::string terminal = "T1";
  std::string token;
  int sales = 1250;
  int rounds = 3;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--store", store, "an existing store (IDR)")
      ->capture_default_str();
  cli.add_option("--terminal", terminal, "an existing till of the store")
      ->capture_default_str();
  cli.add_option("--token", token, "the store's staff")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--sales", sales, "in each session")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cli.add_option("--rounds", rounds)
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "session_close_bench")) {
    return 2;
  }
  backoffice::storage::Database database(db);
  Ids ids;
  auto status = database.WithSession([&](soci::session& s) {
    s << "SELECT st.id, t.id FROM stores st JOIN terminals t ON t.store_id = "
         "st.id WHERE st.code = :s AND t.code = :t",
        soci::use(store), soci::use(terminal), soci::into(ids.store_id),
        soci::into(ids.terminal_id);
    return DbStatus();
  });
  if (!status.ok() || ids.terminal_id == 0) {
    std::cerr << "session_close_bench: no till " << terminal << " in store "
              << store << "\n";
    return 2;
  }
  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  options.timeout = std::chrono::milliseconds(120000);
  backoffice::ClosingClient closing(*backoffice::MakeConnection(options));

  std::vector<double> closes, raws;
  long long receipt = 1'000'000;
  try {
    for (int round = -1; round < rounds; ++round) {  // -1: warm-up.
      const std::string id = "bench-" + std::to_string(round + 1);
      v1::OpenTillSessionRequest open;
      open.set_store_code(store);
      open.set_terminal_code(terminal);
      open.set_session_id(id);
      open.set_cashier("bench");
      open.mutable_opening_float()->set_minor_units(500000);
      auto opened = closing.OpenTillSession(open);
      if (!opened.ok()) throw std::runtime_error(opened.status().ToString());
      const long long from =
          google::protobuf::util::TimeUtil::TimestampToMicroseconds(
              opened->session().open_time());
      SeedSales(database, ids, id, from, sales, &receipt);
      const long long to = backoffice::domain::SystemNowMicros() + 1000000;
      const long long expected = 500000LL + sales * 7000LL;
      v1::CloseTillSessionRequest close;
      close.set_store_code(store);
      close.set_session_id(id);
      close.mutable_counted_cash()->set_minor_units(expected);
      auto start = Clock::now();
      auto closed = closing.CloseTillSession(close);
      const double close_ms = MillisSince(start);
      if (!closed.ok() || closed->session().sale_count() != sales ||
          closed->session().variance().minor_units() != 0) {
        throw std::runtime_error("CloseTillSession: " +
                                 (closed.ok() ? closed->session().DebugString()
                                              : closed.status().ToString()));
      }
      start = Clock::now();
      const long long raw_cash = CashRaw(database, ids, from, to);
      const double raw_ms = MillisSince(start);
      if (raw_cash != sales * 7000LL) {
        throw std::runtime_error("raw totals differ: " +
                                 std::to_string(raw_cash));
      }
      if (round < 0) continue;
      closes.push_back(close_ms);
      raws.push_back(raw_ms);
      std::cout << std::fixed << std::setprecision(1) << "round " << round + 1
                << ": a session of " << sales << " sales closed in " << close_ms
                << " ms (raw totals " << raw_ms << " ms)\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "session_close_bench: " << e.what() << "\n";
    return 1;
  }
  const double c = Median(closes), r = Median(raws);
  std::cout << std::fixed << std::setprecision(1) << "session_close_ms=" << c
            << " session_close_raw_ms=" << r << std::setprecision(2)
            << " session_close_vs_raw=" << c / std::max(r, 1e-3) << "\n";
  return 0;
}
