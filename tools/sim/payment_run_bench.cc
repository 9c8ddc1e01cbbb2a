// The payment run benchmark (tools/bench.sh runs it after the credit
// benchmark): paying --suppliers suppliers of --payables open payables each
// in one run (PreparePaymentRun by the maker, ApprovePaymentRun by a second
// person), beside the baseline measured in the same round: the same
// payments made one by one, one RecordPayment per supplier for what it is
// owed (below the store's approval limit, so each posts at once). Each
// round seeds two fresh groups of suppliers through SQL, one per side, with
// the same payables; the times are the median of --rounds rounds.
//
// The last line of the output is `run_ms=N run_payments_ms=N
// run_vs_payments=R`: above 1, the run pays faster than paying one by one.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "bench_clock.h"
#include "bench_db.h"
#include "core/storage/database.h"
#include "core/storage/sql_util.h"

namespace {

namespace v1 = backoffice::v1;
using backoffice::sim::Clock;
using backoffice::sim::Median;
using backoffice::sim::MillisSince;
using backoffice::sim::NowMicros;
using backoffice::sim::SecondsSince;
using DbStatus = backoffice::domain::Status;

// One payable's amount: payable j of supplier s.
long long PayableAmount(int s, int j) {
  return 100000 + ((s * 7 + j * 13) % 50) * 1000;
}

// Seeds `suppliers` suppliers "<prefix>-<n>" with `payables` open payables
// each (due yesterday) and their accounts; returns their codes.
std::vector<std::string> SeedSuppliers(soci::session& s, long long store_id,
                                       const std::string& prefix, int suppliers,
                                       int payables) {
  std::vector<std::string> codes;
  for (int n = 0; n < suppliers; ++n) {
    const std::string code = prefix + "-" + std::to_string(n);
    std::string name = "Payment run bench supplier " + code;
    s << "INSERT INTO suppliers (code, display_name, phone, email, address, "
         "payment_terms_days, active, create_time, update_time) VALUES (:c, "
         ":n, '', '', '', 30, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))",
        soci::use(code), soci::use(name);
    long long supplier_id = backoffice::storage::LastInsertId(s);
    long long balance = 0;
    for (int j = 0; j < payables; ++j) {
      long long amount = PayableAmount(n, j);
      std::string source = code + "-P" + std::to_string(j);
      balance += amount;
      s << "INSERT INTO party_documents (store_id, party_kind, party_id, "
           "document_type, direction, source_type, source_id, currency_code, "
           "amount_minor, document_day, due_day, recorded_by, "
           "recorded_by_name, create_time) VALUES (:st, 'SUPPLIER', :p, "
           "'CHARGE', 'DEBIT', 'BENCH', :src, 'IDR', :a, DATE_SUB(UTC_DATE(), "
           "INTERVAL 31 DAY), DATE_SUB(UTC_DATE(), INTERVAL 1 DAY), 'bench', "
           "'payment run bench', UTC_TIMESTAMP(6))",
          soci::use(store_id), soci::use(supplier_id), soci::use(source),
          soci::use(amount);
    }
    s << "INSERT INTO party_accounts (store_id, party_kind, party_id, "
         "currency_code, balance_minor, update_time) VALUES (:st, "
         "'SUPPLIER', :p, 'IDR', :b, UTC_TIMESTAMP(6))",
        soci::use(store_id), soci::use(supplier_id), soci::use(balance);
    codes.push_back(code);
  }
  return codes;
}

long long OwedTo(int supplier, int payables) {
  long long owed = 0;
  for (int j = 0; j < payables; ++j) owed += PayableAmount(supplier, j);
  return owed;
}

backoffice::StatusOr<backoffice::CreditClient> ClientFor(
    const std::string& address, const std::string& token) {
  backoffice::ConnectionOptions options;
  options.address = address;
  options.token = token;
  options.timeout = std::chrono::seconds(120);
  auto connection = backoffice::MakeConnection(options);
  if (!connection.ok()) return connection.status();
  return backoffice::CreditClient(*connection);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{
      "Pays suppliers in one payment run through backofficed, beside the same "
      "payments made one by one"};
  std::string address = "127.0.0.1:50051";
  std::string token;
  std::string checker_token;
  std::string store = "PB1";
  int suppliers = 200;
  int payables = 5;
  int rounds = 3;
  std::string password_file;
  backoffice::storage::DatabaseConfig db;
  cli.add_option("--address", address, "backofficed")
      ->envname("BACKOFFICE_ADDR");
  cli.add_option("--token", token, "a head office token: the maker")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--checker-token", checker_token,
                 "another head office token: the checker")
      ->required();
  cli.add_option("--store", store, "an existing store (IDR)")
      ->capture_default_str();
  cli.add_option("--suppliers", suppliers, "suppliers per run")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cli.add_option("--payables", payables, "open payables per supplier")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cli.add_option("--rounds", rounds)
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  backoffice::sim::AddDatabaseOptions(cli, db, password_file);
  CLI11_PARSE(cli, argc, argv);
  if (!backoffice::sim::ReadDatabasePassword(db, password_file,
                                             "payment_run_bench")) {
    return 2;
  }
  backoffice::storage::Database database(db);
  auto maker = ClientFor(address, token);
  auto checker = ClientFor(address, checker_token);
  if (!maker.ok() || !checker.ok()) {
    std::cerr << "payment_run_bench: cannot connect\n";
    return 2;
  }
  // Payments by hand post at once; runs are head office's to approve.
  v1::UpdateCreditSettingsRequest settings;
  auto* c = settings.mutable_settings();
  c->set_store_code(store);
  for (v1::Money* m : {c->mutable_supplier_payment_approval_limit(),
                       c->mutable_write_off_head_office_limit(),
                       c->mutable_invoice_match_tolerance(),
                       c->mutable_payment_run_head_office_limit()}) {
    m->set_currency_code("IDR");
  }
  c->mutable_supplier_payment_approval_limit()->set_minor_units(
      1'000'000'000'000LL);
  if (auto set = maker->UpdateCreditSettings(settings); !set.ok()) {
    std::cerr << "payment_run_bench: settings: " << set.status() << "\n";
    return 2;
  }
  long long store_id = 0;
  std::vector<double> run_ms, payments_ms;
  long long expected_total = 0;
  for (int n = 0; n < suppliers; ++n) expected_total += OwedTo(n, payables);
  for (int round = 0; round < rounds; ++round) {
    std::vector<std::string> run_codes, pay_codes;
    auto seeded = database.InTransaction([&](soci::session& s) {
      s << "SELECT id FROM stores WHERE code = :c", soci::use(store),
          soci::into(store_id);
      // Suppliers are the chain's: each round's codes are new.
      const std::string tag =
          std::to_string(
              std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::system_clock::now().time_since_epoch())
                  .count() %
              1000000) +
          "-" + std::to_string(round) + "-";
      run_codes =
          SeedSuppliers(s, store_id, "PRB" + tag + "R", suppliers, payables);
      pay_codes =
          SeedSuppliers(s, store_id, "PRB" + tag + "P", suppliers, payables);
      return DbStatus();
    });
    if (!seeded.ok()) {
      std::cerr << "payment_run_bench: seeding failed: " << seeded << "\n";
      return 2;
    }
    // One run for the first group.
    const std::string run_id = "bench-run-" + run_codes.front();
    auto start = Clock::now();
    v1::PreparePaymentRunRequest prepare;
    prepare.set_store_code(store);
    prepare.set_payment_run_id(run_id);
    prepare.set_due_by_day("2099-12-31");
    for (const auto& code : run_codes) prepare.add_supplier_codes(code);
    auto prepared = maker->PreparePaymentRun(prepare);
    if (!prepared.ok()) {
      std::cerr << "payment_run_bench: prepare: " << prepared.status() << "\n";
      return 1;
    }
    v1::ApprovePaymentRunRequest approve;
    approve.set_store_code(store);
    approve.set_payment_run_id(run_id);
    auto approved = checker->ApprovePaymentRun(approve);
    run_ms.push_back(MillisSince(start));
    if (!approved.ok()) {
      std::cerr << "payment_run_bench: approve: " << approved.status() << "\n";
      return 1;
    }
    if (approved->payment_run().lines_size() != suppliers ||
        approved->payment_run().total().minor_units() != expected_total) {
      std::cerr << "payment_run_bench: the run paid "
                << approved->payment_run().lines_size() << " suppliers "
                << approved->payment_run().total().minor_units()
                << ", expected " << suppliers << " and " << expected_total
                << "\n";
      return 1;
    }
    // The same payments one by one for the second group.
    start = Clock::now();
    for (int n = 0; n < suppliers; ++n) {
      v1::RecordPaymentRequest pay;
      pay.set_store_code(store);
      pay.set_payment_id("bench-pay-" + pay_codes[static_cast<std::size_t>(n)]);
      pay.mutable_party()->set_kind(v1::PARTY_KIND_SUPPLIER);
      pay.mutable_party()->set_code(pay_codes[static_cast<std::size_t>(n)]);
      pay.mutable_amount()->set_currency_code("IDR");
      pay.mutable_amount()->set_minor_units(OwedTo(n, payables));
      pay.set_method(v1::PAYMENT_METHOD_BANK_TRANSFER);
      auto paid = maker->RecordPayment(pay);
      if (!paid.ok() || paid->allocations_size() != payables) {
        std::cerr << "payment_run_bench: RecordPayment: "
                  << (paid.ok() ? "not allocated to every payable"
                                : paid.status().ToString())
                  << "\n";
        return 1;
      }
    }
    payments_ms.push_back(MillisSince(start));
    std::cout << std::fixed << std::setprecision(1) << "payment run round "
              << round + 1 << ": one run " << run_ms.back() << " ms, "
              << suppliers << " payments " << payments_ms.back() << " ms ("
              << std::setprecision(2) << payments_ms.back() / run_ms.back()
              << ")\n";
  }
  const double run = Median(run_ms);
  const double one_by_one = Median(payments_ms);
  std::cout << std::fixed << std::setprecision(1)
            << "payment run: " << suppliers << " suppliers x " << payables
            << " payables; median of " << rounds << " rounds: one run " << run
            << " ms, one payment per supplier " << one_by_one << " ms\n";
  std::cout << std::fixed << std::setprecision(0) << "run_ms=" << run
            << " run_payments_ms=" << one_by_one << std::setprecision(2)
            << " run_vs_payments=" << one_by_one / std::max(run, 1e-3) << "\n";
  return 0;
}
