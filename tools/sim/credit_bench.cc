// The credit benchmark (tools/bench.sh runs it after the receiving
// benchmark), two measurements against raw SOCI in the same run:
//
// - authorize: AuthorizeCredit through backofficed (CreditClient, --clients
//   threads with a connection each, each authorizing small amounts for its
//   own customers, every one within the limit, so every answer is a HELD
//   hold), beside the essential work of one done raw through the server's
//   storage::Database: the account row locked through the server's
//   PartyLedger::LockAccount (`INSERT ... ON DUPLICATE KEY UPDATE
//   balance_minor = balance_minor`, `SELECT ... FOR UPDATE`), the sum of the
//   customer's open holds, the INSERT of the hold, COMMIT. The rates are the
//   median of --rounds rounds, each round one server phase and one raw
//   phase with the same number of holds on customers of their own.
// - ageing: a chain-wide GetAgeing of the customers (store_code empty, as
//   of a fixed day, paged with --page-size until the last page), beside the
//   SQL MySqlCreditRepository::GetAgeing runs for it (the rows query without
//   paging, and the per-store totals), run straight through SOCI and read to
//   the last row. Best of --rounds.
//
// It seeds through SQL: a till (CT1) and the customers of --store, and the
// ageing's --ageing-stores stores (AG001...) of --ageing-customers
// customers each, with a year of documents per customer: 14 charges
// (document days over the past 365 days, due 30 days later), 5 payments set
// against the 10 oldest charges (the even ones in full, the odd ones half)
// and one payment left open, their allocations and the accounts' balances.
// The last line of the output is `authorize_per_s=N authorize_raw_per_s=N
// authorize_vs_raw=R ageing_ms=N ageing_raw_ms=N ageing_vs_raw=R`.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "backoffice/client.h"
#include "bench_clock.h"
#include "bench_db.h"
#include "core/storage/database.h"
#include "core/storage/sql_util.h"
#include "credit/domain/credit_rules.h"
#include "credit/storage/ageing_reads.h"
#include "credit/storage/party_ledger.h"

namespace {

namespace v1 = backoffice::v1;
using backoffice::sim::Clock;
using backoffice::sim::Median;
using backoffice::sim::MillisSince;
using backoffice::sim::NowMicros;
using backoffice::sim::SecondsSince;
using DbStatus = backoffice::domain::Status;

// Documents per ageing customer: 14 charges, 6 payments.
constexpr int kCharges = 14;
constexpr int kPayments = 6;
constexpr int kDocuments = kCharges + kPayments;
// Allocations per customer: the 10 oldest charges, by 5 payments.
constexpr int kAllocations = 10;

// ---- Authorize ----

struct AuthorizeSeed {
  long long store_id = 0;
  long long terminal_id = 0;
  // Per client, its customers: the server's codes, the raw phase's ids.
  std::vector<std::vector<std::string>> server_codes;
  std::vector<std::vector<long long>> raw_ids;
};

constexpr long long kCreditLimit = 1'000'000'000'000LL;

AuthorizeSeed SeedAuthorize(soci::session& s, const std::string& store,
                            int clients, int customers_per_client) {
  AuthorizeSeed out;
  s << "SELECT id FROM stores WHERE code = :c", soci::use(store),
      soci::into(out.store_id);
  if (!s.got_data()) throw std::runtime_error("store " + store + " missing");
  s << "INSERT INTO terminals (store_id, code, display_name, active, "
       "create_time, update_time) VALUES (:s, 'CT1', 'Credit bench till', 1, "
       "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
      soci::use(out.store_id);
  out.terminal_id = backoffice::storage::LastInsertId(s);
  long long last = static_cast<long long>(clients) * customers_per_client - 1;
  long long limit = kCreditLimit;
  for (std::string prefix : {std::string("CS"), std::string("CR")}) {
    s << "INSERT INTO customers (store_id, code, display_name, phone, "
         "credit_limit_minor, credit_limit_currency_code, active, "
         "create_time, update_time) SELECT :s, CONCAT(:p, LPAD(seq, 4, '0')), "
         "CONCAT('Credit bench customer ', :p2, seq), '', :lim, 'IDR', 1, "
         "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM seq_0_to_9999 WHERE seq <= "
         ":n",
        soci::use(out.store_id), soci::use(prefix), soci::use(prefix),
        soci::use(limit), soci::use(last);
  }
  out.server_codes.resize(static_cast<std::size_t>(clients));
  out.raw_ids.resize(static_cast<std::size_t>(clients));
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, code FROM customers WHERE store_id = :s AND "
                    "(code LIKE 'CS%' OR code LIKE 'CR%') ORDER BY code",
       soci::use(out.store_id));
  for (const auto& row : rows) {
    const std::string code = row.get<std::string>(1);
    const int n = std::stoi(code.substr(2));
    const auto c = static_cast<std::size_t>(n / customers_per_client);
    if (code[1] == 'S') {
      out.server_codes[c].push_back(code);
    } else {
      out.raw_ids[c].push_back(row.get<long long>(0));
    }
  }
  return out;
}

// One hold written raw: the essential work of AuthorizeCredit.
void AuthorizeRaw(soci::session& s, const AuthorizeSeed& seed,
                  long long customer_id, const std::string& authorization_id,
                  long long amount) {
  const backoffice::storage::LedgerParty party{
      seed.store_id, backoffice::domain::PartyKind::kCustomer, customer_id,
      "IDR"};
  long long balance = backoffice::storage::PartyLedger::LockAccount(s, party);
  long long now = NowMicros();
  long long holds = 0;
  s << "SELECT COALESCE(SUM(amount_minor), 0) FROM credit_authorizations "
       "WHERE customer_id = :c AND state = 'HELD' AND expire_time > "
       "TIMESTAMPADD(MICROSECOND, :now, '1970-01-01')",
      soci::use(customer_id), soci::use(now), soci::into(holds);
  if (balance + holds + amount > kCreditLimit) {
    throw std::runtime_error("raw hold over the limit");
  }
  long long store_id = seed.store_id;
  long long terminal_id = seed.terminal_id;
  long long expire = now + backoffice::domain::kCreditHoldMicros;
  long long limit = kCreditLimit;
  s << "INSERT INTO credit_authorizations (store_id, authorization_id, "
       "fingerprint, customer_id, terminal_id, currency_code, amount_minor, "
       "state, expire_time, balance_minor, open_holds_minor, "
       "credit_limit_minor, requested_by, requested_by_name, create_time, "
       "update_time) VALUES (:s, :a, REPEAT('0', 64), :c, :t, 'IDR', :amt, "
       "'HELD', TIMESTAMPADD(MICROSECOND, :exp, '1970-01-01'), :bal, :holds, "
       ":lim, 'tok_1', 'credit bench raw', TIMESTAMPADD(MICROSECOND, :ct, "
       "'1970-01-01'), TIMESTAMPADD(MICROSECOND, :ut, '1970-01-01'))",
      soci::use(store_id), soci::use(authorization_id), soci::use(customer_id),
      soci::use(terminal_id), soci::use(amount), soci::use(expire),
      soci::use(balance), soci::use(holds), soci::use(limit), soci::use(now),
      soci::use(now);
}

// Runs `work(client)` on one thread per client; returns the seconds.
double RunThreads(int clients, const std::function<void(int)>& work) {
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int c = 0; c < clients; ++c) threads.emplace_back([&, c] { work(c); });
  for (auto& t : threads) t.join();
  return MillisSince(start) / 1000;
}

struct Errors {
  std::atomic<int> count{0};
  std::mutex mu;
  std::string first;
  void Note(const std::string& what) {
    if (count++ == 0) {
      std::lock_guard<std::mutex> lock(mu);
      first = what;
    }
  }
};

// ---- Ageing ----

struct AgeingSeed {
  long long first_store_id = 0;
  long long documents = 0;
  long long allocations = 0;
  long long customers = 0;
  std::string as_of_day;
};

// The seeded ageing data's amounts and days, as SQL over the customer index
// `c` (0-based over the chain) and the charge number `j`.
std::string ChargeAmount(const std::string& c, const std::string& j) {
  return "(100000 + ((" + c + " * 7 + " + j + " * 13) MOD 50) * 1000)";
}
std::string ChargeDaysAgo(const std::string& c, const std::string& j) {
  return "(362 - " + j + " * 26 - " + c + " MOD 13)";
}

AgeingSeed SeedAgeing(backoffice::storage::Database& db, int stores,
                      int customers_per_store) {
  AgeingSeed out;
  long long customer_base = 0, document_base = 0;
  auto status = db.InTransaction([&](soci::session& s) {
    s << "SELECT DATE_FORMAT(UTC_DATE(), '%Y-%m-%d')",
        soci::into(out.as_of_day);
    s << "SELECT COALESCE(MAX(id), 0) + 1 FROM stores",
        soci::into(out.first_store_id);
    s << "SELECT COALESCE(MAX(id), 0) + 1 FROM customers",
        soci::into(customer_base);
    s << "SELECT COALESCE(MAX(id), 0) + 1 FROM party_documents",
        soci::into(document_base);
    long long last_store = stores - 1;
    s << "INSERT INTO stores (id, code, display_name, time_zone, "
         "currency_code, create_time, update_time) SELECT :b + seq, "
         "CONCAT('AG', LPAD(seq + 1, 3, '0')), CONCAT('Ageing bench store ', "
         "seq + 1), 'Asia/Jakarta', 'IDR', UTC_TIMESTAMP(6), "
         "UTC_TIMESTAMP(6) FROM seq_0_to_999 WHERE seq <= :n",
        soci::use(out.first_store_id), soci::use(last_store);
    return DbStatus();
  });
  if (!status.ok()) throw std::runtime_error(status.ToString());
  out.customers = static_cast<long long>(stores) * customers_per_store;
  // Explicit ids, so that documents and allocations are computed, not
  // looked up: customer c is customer_base + c, its documents
  // document_base + 20c + k (charges k < 14, payments after).
  const std::string c = "c.seq";
  const long long per_store = customers_per_store;
  // Chunks of about 2,000 customers, one transaction each.
  const long long chunk = std::max(1LL, 2000 / per_store) * per_store;
  for (long long lo = 0; lo < out.customers; lo += chunk) {
    long long hi = std::min(out.customers, lo + chunk) - 1;
    status = db.InTransaction([&](soci::session& s) {
      const std::string where = " WHERE c.seq BETWEEN :lo AND :hi";
      s << "INSERT INTO customers (id, store_id, code, display_name, phone, "
           "credit_limit_minor, credit_limit_currency_code, active, "
           "create_time, update_time) SELECT :cb + c.seq, :sb + c.seq DIV "
           ":per, CONCAT('AC', LPAD(c.seq MOD :per2 + 1, 4, '0')), "
           "CONCAT('Warung ', c.seq), '', 100000000, 'IDR', 1, "
           "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM seq_0_to_9999999 c" +
               where,
          soci::use(customer_base), soci::use(out.first_store_id),
          soci::use(per_store), soci::use(per_store), soci::use(lo),
          soci::use(hi);
      const std::string amount = ChargeAmount(c, "j.seq");
      const std::string doc_day =
          "DATE_SUB(:d, INTERVAL " + ChargeDaysAgo(c, "j.seq") + " DAY)";
      s << "INSERT INTO party_documents (id, store_id, party_kind, party_id, "
           "document_type, direction, source_type, source_id, "
           "currency_code, amount_minor, allocated_minor, document_day, "
           "due_day, recorded_by, recorded_by_name, create_time) SELECT :db "
           "+ c.seq * 20 + j.seq, :sb + c.seq DIV :per, 'CUSTOMER', :cb + "
           "c.seq, 'CHARGE', 'DEBIT', 'SALE', CONCAT('AGS-', c.seq, '-', "
           "j.seq), 'IDR', " +
               amount + ", IF(j.seq < 10, IF(j.seq MOD 2 = 0, " + amount +
               ", " + amount + " DIV 2), 0), " + doc_day + ", DATE_ADD(" +
               doc_day +
               ", INTERVAL 30 DAY), 'bench', 'ageing bench', "
               "UTC_TIMESTAMP(6) FROM seq_0_to_9999999 c JOIN seq_0_to_13 "
               "j" +
               where,
          soci::use(document_base), soci::use(out.first_store_id),
          soci::use(per_store), soci::use(customer_base),
          soci::use(out.as_of_day), soci::use(out.as_of_day), soci::use(lo),
          soci::use(hi);
      // Payment p < 5 pays charge 2p in full and charge 2p+1 half, ten
      // days after the latter; payment 5, five days ago, stays open.
      const std::string paid = "(" + ChargeAmount(c, "2 * p.seq") + " + " +
                               ChargeAmount(c, "(2 * p.seq + 1)") + " DIV 2)";
      const std::string pay_day = "DATE_SUB(:d, INTERVAL IF(p.seq = 5, 5, " +
                                  ChargeDaysAgo(c, "(2 * p.seq + 1)") +
                                  " - 10) DAY)";
      s << "INSERT INTO party_documents (id, store_id, party_kind, party_id, "
           "document_type, direction, source_type, source_id, payment_id, "
           "currency_code, amount_minor, allocated_minor, document_day, "
           "due_day, payment_method, recorded_by, recorded_by_name, "
           "create_time) SELECT :db + c.seq * 20 + 14 + p.seq, :sb + c.seq "
           "DIV :per, 'CUSTOMER', :cb + c.seq, 'PAYMENT', 'CREDIT', "
           "'PAYMENT', CONCAT('AGP-', c.seq, '-', p.seq), CONCAT('AGP-', "
           "c.seq, '-', p.seq), 'IDR', IF(p.seq = 5, 50000, " +
               paid + "), IF(p.seq = 5, 0, " + paid + "), " + pay_day + ", " +
               pay_day +
               ", 'CASH', 'bench', 'ageing bench', UTC_TIMESTAMP(6) FROM "
               "seq_0_to_9999999 c JOIN seq_0_to_5 p" +
               where,
          soci::use(document_base), soci::use(out.first_store_id),
          soci::use(per_store), soci::use(customer_base),
          soci::use(out.as_of_day), soci::use(out.as_of_day), soci::use(lo),
          soci::use(hi);
      // Allocation k: charge k, by payment k DIV 2, on the payment's day.
      const std::string k_amount = ChargeAmount(c, "k.seq");
      s << "INSERT INTO party_allocations (store_id, party_kind, party_id, "
           "debit_document_id, credit_document_id, amount_minor, "
           "allocation_day, made_by_document_id, create_time) SELECT :sb + "
           "c.seq DIV :per, "
           "'CUSTOMER', :cb + c.seq, :db + c.seq * 20 + k.seq, :db2 + c.seq "
           "* 20 + 14 + k.seq DIV 2, IF(k.seq MOD 2 = 0, " +
               k_amount + ", " + k_amount + " DIV 2), DATE_SUB(:d, INTERVAL " +
               ChargeDaysAgo(c, "(2 * (k.seq DIV 2) + 1)") +
               " - 10 DAY), :db3 + c.seq * 20 + 14 + k.seq DIV 2, "
               "UTC_TIMESTAMP(6) FROM seq_0_to_9999999 c JOIN "
               "seq_0_to_9 k" +
               where,
          soci::use(out.first_store_id), soci::use(per_store),
          soci::use(customer_base), soci::use(document_base),
          soci::use(document_base), soci::use(out.as_of_day),
          soci::use(document_base), soci::use(lo), soci::use(hi);
      long long first_store = out.first_store_id + lo / per_store;
      long long last_store = out.first_store_id + hi / per_store;
      s << "INSERT INTO party_accounts (store_id, party_kind, party_id, "
           "currency_code, balance_minor, update_time) SELECT store_id, "
           "party_kind, party_id, 'IDR', SUM(IF(direction = 'DEBIT', "
           "amount_minor, -amount_minor)), UTC_TIMESTAMP(6) FROM "
           "party_documents WHERE store_id BETWEEN :f AND :l GROUP BY "
           "store_id, party_kind, party_id",
          soci::use(first_store), soci::use(last_store);
      return DbStatus();
    });
    if (!status.ok()) throw std::runtime_error(status.ToString());
  }
  out.documents = out.customers * kDocuments;
  out.allocations = out.customers * kAllocations;
  return out;
}

struct RawAgeing {
  long long rows = 0;
  long long store_totals = 0;
  long long open_debits = 0;
  long long open_credits = 0;
};

// The same reads the server's GetAgeing makes (credit/storage/
// ageing_reads.h), on one session, paged the same way, without the RPC,
// the authentication and the mapping.
RawAgeing AgeingRaw(soci::session& s, const std::string& asof,
                    long long page_size) {
  backoffice::storage::AgeingScope scope{
      asof, backoffice::domain::PartyKind::kCustomer, std::nullopt};
  RawAgeing out;
  long long after_store = 0, after_party = 0;
  for (bool first = true;; first = false) {
    auto rows = backoffice::storage::ReadAgeingRows(s, scope, after_store,
                                                    after_party, page_size + 1);
    const bool more = static_cast<long long>(rows.size()) > page_size;
    if (more) rows.resize(page_size);
    backoffice::storage::NameAgeingRows(s, scope.kind, rows);
    if (first) {
      out.store_totals = static_cast<long long>(
          backoffice::storage::ReadAgeingTotals(s, scope).size());
    }
    for (const auto& row : rows) {
      ++out.rows;
      const auto& b = row.buckets;
      out.open_debits += b.current_minor + b.days_1_30_minor +
                         b.days_31_60_minor + b.days_61_90_minor +
                         b.over_90_minor;
      out.open_credits += b.unallocated_credit_minor;
    }
    if (!more) break;
    after_store = rows.back().store_id;
    after_party = rows.back().party_id;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "AuthorizeCredit and a chain-wide GetAgeing through backofficed, "
      "beside the same work done raw"};
  std::string address = "127.0.0.1:50051";
  std::string token;
  std::string store = "CB1";
  int clients = 8;
  int customers_per_client = 10;
  int authorizations = 200;
  int rounds = 3;
  int ageing_stores = 100;
  int ageing_customers = 200;
  int page_size = 1000;
  int timeout_s = 600;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--token", token, "a head office token")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--store", store, "an existing store (IDR) for the holds")
      ->capture_default_str();
  cli.add_option("--clients", clients, "client threads, each a connection")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cli.add_option("--customers-per-client", customers_per_client)
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cli.add_option("--authorizations", authorizations,
                 "holds per client, phase and round")
      ->capture_default_str();
  cli.add_option("--rounds", rounds)
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cli.add_option("--ageing-stores", ageing_stores,
                 "stores AG001... seeded for the ageing (0: no ageing)")
      ->capture_default_str()
      ->check(CLI::Range(0, 999));
  cli.add_option("--ageing-customers", ageing_customers,
                 "customers per ageing store, 20 documents each")
      ->capture_default_str()
      ->check(CLI::Range(1, 9999));
  cli.add_option("--page-size", page_size, "GetAgeing page size")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cli.add_option("--timeout", timeout_s, "seconds per GetAgeing call")
      ->capture_default_str();
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "credit_bench")) {
    return 2;
  }
  db.pool_size = clients;
  db.io_timeout_seconds = std::max(120, timeout_s);
  db.lock_wait_timeout_seconds = 60;
  backoffice::storage::Database database(db);

  AuthorizeSeed seed;
  auto status = database.InTransaction([&](soci::session& s) {
    seed = SeedAuthorize(s, store, clients, customers_per_client);
    return DbStatus();
  });
  if (!status.ok()) {
    std::cerr << "credit_bench: seeding failed: " << status << "\n";
    return 2;
  }

  std::vector<backoffice::CreditClient> credit;
  for (int c = 0; c < clients; ++c) {
    backoffice::ConnectionOptions options;
    options.address = address;
    options.token = token;
    auto connection = backoffice::MakeConnection(options);
    if (!connection.ok()) {
      std::cerr << "credit_bench: " << connection.status() << "\n";
      return 2;
    }
    credit.emplace_back(*connection);
  }

  // One hold of each client's, `n`, through the server or raw.
  Errors errors;
  auto server_hold = [&](int c, const std::string& id, int n) {
    const auto& codes = seed.server_codes[static_cast<std::size_t>(c)];
    v1::AuthorizeCreditRequest request;
    request.set_store_code(store);
    request.set_authorization_id(id);
    request.set_customer_code(
        codes[static_cast<std::size_t>(n) % codes.size()]);
    request.set_terminal_code("CT1");
    request.mutable_amount()->set_currency_code("IDR");
    request.mutable_amount()->set_minor_units(1000 + 100 * (n % 50));
    auto response =
        credit[static_cast<std::size_t>(c)].AuthorizeCredit(request);
    if (!response.ok()) {
      errors.Note("AuthorizeCredit: " + response.status().ToString());
    } else if (response->authorization().state() !=
               v1::CREDIT_AUTHORIZATION_STATE_HELD) {
      errors.Note("AuthorizeCredit: not HELD");
    }
  };
  auto raw_hold = [&](int c, const std::string& id, int n) {
    const auto& ids = seed.raw_ids[static_cast<std::size_t>(c)];
    const long long customer = ids[static_cast<std::size_t>(n) % ids.size()];
    auto s = database.InTransaction([&](soci::session& session) {
      AuthorizeRaw(session, seed, customer, id, 1000 + 100 * (n % 50));
      return DbStatus();
    });
    if (!s.ok()) errors.Note("raw: " + s.ToString());
  };
  // Connections and the buffer pool warm up unmeasured.
  RunThreads(clients, [&](int c) {
    for (int n = 0; n < 3; ++n) {
      const std::string suffix = std::to_string(c) + "-" + std::to_string(n);
      server_hold(c, "warm-s-" + suffix, n);
      raw_hold(c, "warm-r-" + suffix, n);
    }
  });
  std::vector<double> server_rates, raw_rates;
  const double per_phase = static_cast<double>(clients) * authorizations;
  for (int round = 0; round < rounds; ++round) {
    const double server_s = RunThreads(clients, [&](int c) {
      for (int n = 0; n < authorizations; ++n) {
        server_hold(c,
                    "s" + std::to_string(round) + "-" + std::to_string(c) +
                        "-" + std::to_string(n),
                    n);
      }
    });
    const double raw_s = RunThreads(clients, [&](int c) {
      for (int n = 0; n < authorizations; ++n) {
        raw_hold(c,
                 "r" + std::to_string(round) + "-" + std::to_string(c) + "-" +
                     std::to_string(n),
                 n);
      }
    });
    server_rates.push_back(per_phase / std::max(server_s, 1e-9));
    raw_rates.push_back(per_phase / std::max(raw_s, 1e-9));
    std::cout << std::fixed << std::setprecision(1) << "authorize round "
              << round + 1 << ": server " << server_rates.back()
              << " holds/s, raw " << raw_rates.back() << " holds/s ("
              << std::setprecision(2) << server_rates.back() / raw_rates.back()
              << ")\n";
  }
  if (errors.count > 0) {
    std::cerr << "credit_bench: " << errors.count
              << " holds failed, first: " << errors.first << "\n";
    return 1;
  }
  const double authorize_rate = Median(server_rates);
  const double authorize_raw_rate = Median(raw_rates);
  std::cout << std::fixed << std::setprecision(1) << "authorize: " << clients
            << " clients x " << authorizations << " holds per phase and round, "
            << customers_per_client << " customers per client; median of "
            << rounds << " rounds: server " << authorize_rate
            << " holds/s, raw " << authorize_raw_rate << " holds/s\n";

  double best_ageing = 0, best_raw = 0;
  if (ageing_stores > 0) {
    const auto seed_start = Clock::now();
    AgeingSeed ageing;
    try {
      ageing = SeedAgeing(database, ageing_stores, ageing_customers);
    } catch (const std::exception& e) {
      std::cerr << "credit_bench: seeding the ageing failed: " << e.what()
                << "\n";
      return 2;
    }
    std::cout << std::fixed << std::setprecision(0) << "ageing: seeded "
              << ageing_stores << " stores x " << ageing_customers
              << " customers (" << ageing.customers << "), " << ageing.documents
              << " documents, " << ageing.allocations << " allocations in "
              << MillisSince(seed_start) << " ms\n";

    backoffice::ConnectionOptions options;
    options.address = address;
    options.token = token;
    options.timeout = std::chrono::seconds(timeout_s);
    options.retry.max_attempts = 1;
    auto connection = backoffice::MakeConnection(options);
    if (!connection.ok()) {
      std::cerr << "credit_bench: " << connection.status() << "\n";
      return 2;
    }
    backoffice::CreditClient client(*connection);
    best_ageing = 1e18;
    best_raw = 1e18;
    long long rows = 0, pages = 0, totals = 0;
    RawAgeing raw;
    for (int round = 0; round < rounds; ++round) {
      v1::GetAgeingRequest request;
      request.set_party_kind(v1::PARTY_KIND_CUSTOMER);
      request.set_as_of_day(ageing.as_of_day);
      request.set_page_size(page_size);
      rows = pages = totals = 0;
      auto start = Clock::now();
      for (;;) {
        auto response = client.GetAgeing(request);
        if (!response.ok()) {
          std::cerr << "credit_bench: GetAgeing: " << response.status() << "\n";
          return 1;
        }
        ++pages;
        rows += response->rows_size();
        totals += response->totals_size();
        if (response->next_page_token().empty()) break;
        request.set_page_token(response->next_page_token());
      }
      const double ageing_ms = MillisSince(start);
      start = Clock::now();
      status = database.WithSession([&](soci::session& s) {
        raw = AgeingRaw(s, ageing.as_of_day, page_size);
        return DbStatus();
      });
      const double raw_ms = MillisSince(start);
      if (!status.ok()) {
        std::cerr << "credit_bench: raw ageing: " << status << "\n";
        return 1;
      }
      std::cout << std::fixed << std::setprecision(1) << "ageing round "
                << round + 1 << ": GetAgeing " << ageing_ms << " ms, raw "
                << raw_ms << " ms\n";
      best_ageing = std::min(best_ageing, ageing_ms);
      best_raw = std::min(best_raw, raw_ms);
    }
    if (rows != raw.rows) {
      std::cerr << "credit_bench: GetAgeing returned " << rows
                << " rows, the raw query " << raw.rows << "\n";
      return 1;
    }
    std::cout << std::fixed << std::setprecision(1) << "ageing: as of "
              << ageing.as_of_day << ", " << rows << " rows in " << pages
              << " pages of up to " << page_size << " (+" << totals
              << " totals), best of " << rounds << " " << best_ageing
              << " ms; raw rows query (" << raw.rows << " rows, open debits "
              << raw.open_debits << ", open credits " << raw.open_credits
              << ") and totals (" << raw.store_totals << " stores) " << best_raw
              << " ms\n";
  }
  std::cout << std::fixed << std::setprecision(1)
            << "authorize_per_s=" << authorize_rate
            << " authorize_raw_per_s=" << authorize_raw_rate
            << std::setprecision(2)
            << " authorize_vs_raw=" << authorize_rate / authorize_raw_rate
            << std::setprecision(0) << " ageing_ms=" << best_ageing
            << " ageing_raw_ms=" << best_raw << std::setprecision(2)
            << " ageing_vs_raw=" << best_ageing / std::max(best_raw, 1e-3)
            << "\n";
  return 0;
}
