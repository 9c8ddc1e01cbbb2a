// backoffice_bench: how fast sales reach the books, measured three ways in
// one run against one database, so that the figures can be compared:
//
//   unary    RecordSale through the SDK, N client threads, one till each:
//            the path of a till that is online;
//   backlog  the same number of fresh sales sent with UploadSales in
//            batches by N threads: a till catching up after an outage;
//   raw      the same sales written straight into MariaDB through SOCI by N
//            threads with the server's statements and transaction shape,
//            but none of its work around them: the ceiling that gRPC,
//            authentication, validation, lookups and idempotency are
//            measured against;
//   flood    unary again, while F more clients (--flood-clients) call the
//            server as fast as they can with well-formed unknown tokens: the
//            tills' p99 latency then, beside their p99 in the unary phase
//            of the same round, shows what callers without a valid token
//            cost the tills.
//
// The store and its tills T1..TN must exist, the catalog must hold
// products, and the token must be allowed to post for the store
// (HEAD_OFFICE). tools/bench.sh prepares all that on a private database.
// The line before the last is `flood_p99_vs_unary_p99=R ...`; the last line
// of the output is `unary_vs_raw=R backlog_vs_unary=R`.
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <soci/soci.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <future>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "backoffice/client.h"
#include "core/storage/database.h"
#include "core/storage/multi_insert.h"
#include "inventory/domain/lots.h"
#include "inventory/storage/stock_posting.h"
#include "raw_sale_writer.h"
#include "sale_maker.h"
#include "sales/domain/sales_rules.h"
#include "sales/storage/demand_rollup.h"

namespace {

using backoffice::Status;
using backoffice::StatusCode;
// What the server's storage layer returns; the bench reads the database
// through it for the raw baseline.
using DbStatus = backoffice::domain::Status;
using DbStatusCode = backoffice::domain::StatusCode;
using backoffice::sim::CatalogItem;
using backoffice::sim::Percentile;
using backoffice::sim::RawIds;
using backoffice::v1::Sale;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string address = "127.0.0.1:50051";
  std::string token;
  std::string store = "B1";
  int clients = 8;
  int sales = 4000;
  int batch_size = 500;
  int warmup_per_client = 25;
  // The phases run in turn this many times, so that a burst of load from
  // elsewhere on the machine weighs on every phase alike.
  int rounds = 3;
  // Clients calling with unknown tokens during the flood phase; 0 skips it.
  int flood_clients = 50;
  std::uint64_t seed = 1;
  // Distinguishes runs against the same database: it prefixes sale ids and
  // sets the receipt numbers' range.
  std::int64_t run = 0;
  backoffice::storage::DatabaseConfig database;
  // Processes whose CPU time each phase reports, as NAME=PID.
  std::vector<std::string> watch;
};

// The CPU time that processes (the server, MariaDB, this benchmark) spend in
// a phase: it tells where a sale's time goes, which wall time alone cannot.
class CpuMeter {
 public:
  struct Process {
    std::string name;
    std::string stat_path;
  };

  explicit CpuMeter(std::vector<Process> processes)
      : processes_(std::move(processes)),
        ticks_per_second_(static_cast<double>(sysconf(_SC_CLK_TCK))) {}

  const std::vector<Process>& processes() const { return processes_; }

  // User plus system seconds of each process so far; 0 when unreadable.
  std::vector<double> Sample() const {
    std::vector<double> seconds;
    for (const auto& process : processes_) {
      std::ifstream in(process.stat_path);
      std::string stat((std::istreambuf_iterator<char>(in)),
                       std::istreambuf_iterator<char>());
      // The command name, in parentheses, may hold spaces: fields are
      // counted from the last ')'. utime and stime are fields 14 and 15.
      std::istringstream fields(stat.substr(stat.rfind(')') + 1));
      std::string field;
      double ticks = 0;
      for (int number = 3; number <= 15 && fields >> field; ++number) {
        if (number >= 14) ticks += std::stod(field);
      }
      seconds.push_back(ticks / ticks_per_second_);
    }
    return seconds;
  }

 private:
  std::vector<Process> processes_;
  double ticks_per_second_;
};

// Each phase has its own range of receipt numbers on the same tills.
enum class Phase {
  kWarmup = 0,
  kUnary = 1,
  kBacklog = 2,
  kRaw = 3,
  kFlood = 4
};

const char* PhaseTag(Phase phase) {
  switch (phase) {
    case Phase::kWarmup:
      return "w";
    case Phase::kUnary:
      return "u";
    case Phase::kBacklog:
      return "b";
    case Phase::kRaw:
      return "r";
    case Phase::kFlood:
      return "f";
  }
  return "x";
}

struct PhaseResult {
  std::string name;
  std::int64_t sales = 0;
  std::int64_t lines = 0;
  double seconds = 0;
  // Per call: one sale (unary, raw) or one batch (backlog).
  std::vector<double> latencies_ms;
  std::int64_t errors = 0;
  std::string first_error;
  // Sales sent again after ABORTED TRANSACTION_CONFLICT.
  std::int64_t conflicts_retried = 0;
  // CPU seconds per watched process during the phase.
  std::vector<double> cpu_seconds;
  // How much some of MariaDB's global counters grew during the phase.
  std::map<std::string, double> db_counters;
  // Flood phase: calls made with unknown tokens, and how many of them were
  // answered other than UNAUTHENTICATED.
  std::int64_t flood_calls = 0;
  std::int64_t flood_other = 0;

  double sales_per_second() const { return seconds > 0 ? sales / seconds : 0; }
  double lines_per_second() const { return seconds > 0 ? lines / seconds : 0; }
};

std::string TerminalCode(int client) {
  return "T" + std::to_string(client + 1);
}

// A version 4 UUID drawn from `random`: what real tills use as sale ids, so
// that concurrent inserts land all over the sale id index, as in a store.
std::string Uuid(std::mt19937_64& random) {
  static const char kHex[] = "0123456789abcdef";
  std::string uuid;
  std::uint64_t bits = 0;
  for (int i = 0; i < 32; ++i) {
    if (i % 16 == 0) bits = random();
    int digit = static_cast<int>(bits & 0xf);
    bits >>= 4;
    if (i == 12) digit = 4;
    if (i == 16) digit = 8 | (digit & 3);
    if (i == 8 || i == 12 || i == 16 || i == 20) uuid += '-';
    uuid += kHex[digit];
  }
  return uuid;
}

bool IsConflict(const Status& status) {
  return status.code() == StatusCode::kAborted &&
         status.reason() == "TRANSACTION_CONFLICT";
}
constexpr int kConflictAttempts = 8;

// The sales of every client for one phase, built before the clock starts.
std::vector<std::vector<Sale>> MakeSales(
    const Options& options, const std::vector<CatalogItem>& catalog,
    Phase phase, int round, int per_client_override) {
  std::vector<std::vector<Sale>> sales(options.clients);
  for (int c = 0; c < options.clients; ++c) {
    const int count = per_client_override > 0
                          ? per_client_override
                          : options.sales / options.clients +
                                (c < options.sales % options.clients ? 1 : 0);
    // The same seed in every phase of a round: a client's sales have the
    // same lines and tenders in each, only their ids and receipt numbers
    // differ.
    backoffice::sim::SaleMaker maker(
        catalog, options.seed + static_cast<std::uint64_t>(round),
        options.store, TerminalCode(c), /*first_receipt_of_late_shift=*/0);
    std::mt19937_64 ids(backoffice::sim::StableHash(
        std::to_string(options.seed) + "/" + std::to_string(options.run) + "/" +
        std::to_string(round) + "/" + PhaseTag(phase) + "/" + TerminalCode(c)));
    const std::int64_t first_receipt =
        options.run * 1'000'000'000 +
        static_cast<std::int64_t>(phase) * 100'000'000 +
        static_cast<std::int64_t>(round) * 10'000'000 + 1;
    for (int n = 0; n < count; ++n) {
      sales[c].push_back(maker.Make(Uuid(ids), first_receipt + n));
    }
  }
  return sales;
}

// Runs `client_work(c, result)` on one thread per client and times the lot.
PhaseResult RunClients(
    const std::string& name, const std::vector<std::vector<Sale>>& sales,
    const std::function<void(int, PhaseResult&)>& client_work) {
  std::vector<PhaseResult> partial(sales.size());
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (std::size_t c = 0; c < sales.size(); ++c) {
    threads.emplace_back(
        [&, c]() { client_work(static_cast<int>(c), partial[c]); });
  }
  for (auto& thread : threads) thread.join();
  PhaseResult result;
  result.name = name;
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (std::size_t c = 0; c < sales.size(); ++c) {
    for (const auto& sale : sales[c]) {
      result.sales++;
      result.lines += sale.lines_size();
    }
    result.errors += partial[c].errors;
    result.conflicts_retried += partial[c].conflicts_retried;
    if (result.first_error.empty()) result.first_error = partial[c].first_error;
    result.latencies_ms.insert(result.latencies_ms.end(),
                               partial[c].latencies_ms.begin(),
                               partial[c].latencies_ms.end());
  }
  return result;
}

// The rounds of one phase as if they had run in one go.
PhaseResult Combine(const std::vector<PhaseResult>& rounds) {
  PhaseResult total;
  total.name = rounds.front().name;
  for (const auto& r : rounds) {
    total.sales += r.sales;
    total.lines += r.lines;
    total.seconds += r.seconds;
    total.latencies_ms.insert(total.latencies_ms.end(), r.latencies_ms.begin(),
                              r.latencies_ms.end());
    total.errors += r.errors;
    if (total.first_error.empty()) total.first_error = r.first_error;
    total.conflicts_retried += r.conflicts_retried;
    total.flood_calls += r.flood_calls;
    total.flood_other += r.flood_other;
    total.cpu_seconds.resize(r.cpu_seconds.size());
    for (std::size_t i = 0; i < r.cpu_seconds.size(); ++i) {
      total.cpu_seconds[i] += r.cpu_seconds[i];
    }
    for (const auto& [name, value] : r.db_counters) {
      total.db_counters[name] += value;
    }
  }
  return total;
}

double Ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : 0;
}

void NoteError(PhaseResult& result, const std::string& what) {
  result.errors++;
  if (result.first_error.empty()) result.first_error = what;
}

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start)
      .count();
}

// Each client is its own till with its own connection, as in a store.
std::vector<backoffice::SalesClient> ConnectClients(
    const Options& options, std::shared_ptr<backoffice::Connection>& first) {
  std::vector<backoffice::SalesClient> clients;
  for (int c = 0; c < options.clients; ++c) {
    backoffice::ConnectionOptions connection_options;
    connection_options.address = options.address;
    connection_options.token = options.token;
    auto connection = backoffice::MakeConnection(connection_options);
    if (!connection) {
      std::cerr << "backoffice_bench: " << connection.status() << "\n";
      std::exit(2);
    }
    if (c == 0) first = *connection;
    clients.emplace_back(*connection);
  }
  return clients;
}

PhaseResult RunUnary(const std::string& name,
                     std::vector<backoffice::SalesClient>& clients,
                     const std::vector<std::vector<Sale>>& sales) {
  return RunClients(name, sales, [&](int c, PhaseResult& result) {
    backoffice::v1::RecordSaleRequest request;
    for (const auto& sale : sales[c]) {
      *request.mutable_sale() = sale;
      const auto start = Clock::now();
      auto response = clients[c].RecordSale(request);
      // A till sends a sale again when the server asks for it.
      for (int attempt = 1; attempt < kConflictAttempts && !response &&
                            IsConflict(response.status());
           ++attempt) {
        result.conflicts_retried++;
        response = clients[c].RecordSale(request);
      }
      result.latencies_ms.push_back(MillisecondsSince(start));
      if (!response) {
        NoteError(result, response.status().ToString());
      } else if (response->replayed()) {
        NoteError(result, "sale " + sale.sale_id() + " was already recorded");
      }
    }
  });
}

// One caller without a valid token: a connection of its own, calling
// ListStores with a fresh well-formed unknown token each time, as fast as
// the server answers, until `stop`.
void FloodClient(const std::string& address, int client,
                 const std::atomic<bool>& stop,
                 std::atomic<std::int64_t>& calls,
                 std::atomic<std::int64_t>& other) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  auto channel = grpc::CreateCustomChannel(
      address, grpc::InsecureChannelCredentials(), args);
  grpc::GenericStub stub(channel);
  std::mt19937_64 random(0x5eed + client);
  static const char kHex[] = "0123456789abcdef";
  while (!stop.load()) {
    std::string token = "bo_";
    for (int i = 0; i < 64; ++i) token += kHex[random() % 16];
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() +
                         std::chrono::seconds(10));
    context.AddMetadata("authorization", "Bearer " + token);
    grpc::Slice empty_message("");
    grpc::ByteBuffer request(&empty_message, 1);
    grpc::ByteBuffer response;
    std::promise<grpc::Status> done;
    stub.UnaryCall(&context, "/backoffice.v1.CatalogService/ListStores",
                   grpc::StubOptions(), &request, &response,
                   [&](grpc::Status s) { done.set_value(std::move(s)); });
    const grpc::Status status = done.get_future().get();
    ++calls;
    if (status.error_code() != grpc::StatusCode::UNAUTHENTICATED) ++other;
  }
}

// The unary phase while `flood_clients` callers with unknown tokens call
// the server meanwhile.
PhaseResult RunFlood(const std::string& name, const Options& options,
                     std::vector<backoffice::SalesClient>& clients,
                     const std::vector<std::vector<Sale>>& sales) {
  std::atomic<bool> stop{false};
  std::atomic<std::int64_t> calls{0};
  std::atomic<std::int64_t> other{0};
  std::vector<std::thread> flood;
  for (int f = 0; f < options.flood_clients; ++f) {
    flood.emplace_back(FloodClient, options.address, f, std::cref(stop),
                       std::ref(calls), std::ref(other));
  }
  // Let the flood reach the server before the tills start.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const std::int64_t calls_before = calls.load();
  PhaseResult result = RunUnary(name, clients, sales);
  result.flood_calls = calls.load() - calls_before;
  stop = true;
  for (auto& thread : flood) thread.join();
  result.flood_other = other.load();
  return result;
}

PhaseResult RunBacklog(const std::string& name,
                       std::vector<backoffice::SalesClient>& clients,
                       const std::vector<std::vector<Sale>>& sales,
                       int batch_size) {
  return RunClients(name, sales, [&](int c, PhaseResult& result) {
    const auto& mine = sales[c];
    for (std::size_t begin = 0; begin < mine.size(); begin += batch_size) {
      backoffice::v1::UploadSalesRequest request;
      const std::size_t end = std::min(mine.size(), begin + batch_size);
      for (std::size_t i = begin; i < end; ++i) *request.add_sales() = mine[i];
      const auto start = Clock::now();
      for (int attempt = 1; attempt <= kConflictAttempts; ++attempt) {
        auto response = clients[c].UploadSales(request);
        if (!response) {
          NoteError(result, response.status().ToString());
          break;
        }
        // The sales of a group that met a conflict are sent again.
        backoffice::v1::UploadSalesRequest again;
        for (int i = 0; i < response->results_size(); ++i) {
          const auto& r = response->results(i);
          if (!r.recorded() && r.reason() == "TRANSACTION_CONFLICT" &&
              attempt < kConflictAttempts) {
            *again.add_sales() = request.sales(i);
          } else if (!r.recorded() || r.replayed()) {
            NoteError(result, "sale " + r.sale_id() + ": " + r.reason() + " " +
                                  r.message());
          }
        }
        if (again.sales_size() == 0) break;
        result.conflicts_retried += again.sales_size();
        request = std::move(again);
      }
      result.latencies_ms.push_back(MillisecondsSince(start));
    }
  });
}

PhaseResult RunRaw(const std::string& name, backoffice::storage::Database& db,
                   const RawIds& ids,
                   const std::vector<std::vector<Sale>>& sales) {
  return RunClients(name, sales, [&](int c, PhaseResult& result) {
    for (const auto& sale : sales[c]) {
      const auto start = Clock::now();
      DbStatus status = db.InTransaction([&](soci::session& s) {
        WriteSaleRaw(s, ids, ids.terminal_ids[c], sale);
        return DbStatus();
      });
      result.latencies_ms.push_back(MillisecondsSince(start));
      if (!status.ok()) NoteError(result, status.ToString());
    }
  });
}

// MariaDB's own account of the work: statements received, row lock waits
// and the milliseconds spent in them, redo log writes and fsyncs.
std::map<std::string, double> SampleDbCounters(
    backoffice::storage::Database& db) {
  std::map<std::string, double> counters;
  db.WithSession([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << "SHOW GLOBAL STATUS WHERE Variable_name IN "
                      "('Questions', 'Innodb_row_lock_waits', "
                      "'Innodb_row_lock_time', 'Innodb_log_writes', "
                      "'Innodb_data_fsyncs')");
    for (const auto& row : rows) {
      counters[row.get<std::string>(0)] = std::stod(row.get<std::string>(1));
    }
    return DbStatus();
  });
  return counters;
}

// Runs a phase and adds the CPU time each watched process spent in it and
// what the database counted meanwhile.
PhaseResult Measure(const CpuMeter& meter, backoffice::storage::Database& db,
                    const std::function<PhaseResult()>& phase) {
  const std::vector<double> cpu_before = meter.Sample();
  const auto db_before = SampleDbCounters(db);
  PhaseResult result = phase();
  const std::vector<double> cpu_after = meter.Sample();
  auto db_after = SampleDbCounters(db);
  for (std::size_t i = 0; i < cpu_before.size(); ++i) {
    result.cpu_seconds.push_back(cpu_after[i] - cpu_before[i]);
  }
  for (const auto& [name, value] : db_after) {
    auto before = db_before.find(name);
    result.db_counters[name] =
        value - (before == db_before.end() ? 0 : before->second);
  }
  return result;
}

void PrintWhereTimeGoes(const CpuMeter& meter, const PhaseResult& r) {
  if (r.sales == 0 || r.seconds <= 0) return;
  auto per_sale = [&](const char* counter) {
    auto it = r.db_counters.find(counter);
    return it == r.db_counters.end() ? 0.0 : it->second / r.sales;
  };
  std::cout << std::setprecision(1) << "    per sale: " << per_sale("Questions")
            << " SQL statements, " << std::setprecision(2)
            << per_sale("Innodb_log_writes") << " redo log writes, "
            << per_sale("Innodb_data_fsyncs") << " fsyncs, "
            << per_sale("Innodb_row_lock_waits") << " row lock waits ("
            << per_sale("Innodb_row_lock_time") << " ms waited)\n";
  std::cout << "    cpu ms per sale:";
  double total = 0;
  for (std::size_t i = 0; i < r.cpu_seconds.size(); ++i) {
    std::cout << (i == 0 ? " " : ", ") << meter.processes()[i].name << " "
              << std::setprecision(2) << r.cpu_seconds[i] * 1000 / r.sales;
    total += r.cpu_seconds[i];
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::cout << "; these processes kept " << std::setprecision(0)
            << 100 * total / (r.seconds * cores) << "% of " << cores
            << " cores busy\n";
}

void PrintPhase(const PhaseResult& r, const std::string& latency_unit) {
  std::cout << std::left << std::setw(24) << r.name << std::right
            << std::setw(7) << r.sales << std::setw(8) << r.lines
            << std::setw(9) << std::setprecision(2) << r.seconds
            << std::setw(10) << std::setprecision(1) << r.sales_per_second()
            << std::setw(10) << r.lines_per_second() << std::setw(9)
            << Percentile(r.latencies_ms, 0.5) << std::setw(9)
            << Percentile(r.latencies_ms, 0.99) << "  " << latency_unit;
  if (r.conflicts_retried > 0) {
    std::cout << "  (" << r.conflicts_retried
              << " sales sent again after TRANSACTION_CONFLICT)";
  }
  if (r.errors > 0) {
    std::cout << "  ERRORS " << r.errors << " (first: " << r.first_error << ")";
  }
  std::cout << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  setenv("GRPC_VERBOSITY", "NONE", /*overwrite=*/0);

  CLI::App cli{
      "backoffice_bench: sales per second through RecordSale, through "
      "UploadSales, and\nstraight into MariaDB through SOCI, in one run. The "
      "store and its tills\nT1..T<clients> must exist; the token must post "
      "for the store (HEAD_OFFICE);\nthe database flags are those of "
      "backofficed.",
      "backoffice_bench"};
  Options options;
  options.run = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count() %
                1'000'000'000;
  std::string password_file;
  cli.add_option("--addr", options.address, "server host:port")
      ->envname("BACKOFFICE_ADDR")
      ->capture_default_str();
  cli.add_option("--token", options.token, "a HEAD_OFFICE token's secret")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--store", options.store, "the store's code")
      ->capture_default_str();
  cli.add_option("--clients", options.clients,
                 "concurrent clients (tills T1..TN), each its own thread")
      ->capture_default_str()
      ->check(CLI::Range(1, 200));
  cli.add_option("--sales", options.sales, "sales per phase and round")
      ->capture_default_str()
      ->check(CLI::Range(1, 1'000'000));
  cli.add_option("--rounds", options.rounds,
                 "times the three phases run in turn; figures are totals")
      ->capture_default_str()
      ->check(CLI::Range(1, 9));
  cli.add_option("--batch-size", options.batch_size,
                 "sales per UploadSales call in the backlog phase")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cli.add_option("--flood-clients", options.flood_clients,
                 "callers with unknown tokens during the flood phase (0: no "
                 "flood phase)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  cli.add_option("--warmup", options.warmup_per_client,
                 "unmeasured sales per client before the phases")
      ->capture_default_str();
  cli.add_option("--seed", options.seed, "makes the sales reproducible")
      ->capture_default_str();
  cli.add_option("--watch", options.watch,
                 "NAME=PID of a process (the server, MariaDB) whose CPU time "
                 "each phase reports; repeatable");
  cli.add_option("--run", options.run,
                 "distinguishes runs on one database (default: the time)");
  auto& db = options.database;
  cli.add_option("--db-host", db.host, "MariaDB host")
      ->envname("BACKOFFICE_DB_HOST")
      ->capture_default_str();
  cli.add_option("--db-port", db.port, "MariaDB port")
      ->envname("BACKOFFICE_DB_PORT")
      ->capture_default_str();
  cli.add_option("--db-user", db.user, "MariaDB user")
      ->envname("BACKOFFICE_DB_USER")
      ->capture_default_str();
  cli.add_option("--db-name", db.database, "database name")
      ->envname("BACKOFFICE_DB_NAME")
      ->capture_default_str();
  cli.add_option("--db-password-file", password_file,
                 "file holding the MariaDB password (or set "
                 "BACKOFFICE_DB_PASSWORD)")
      ->envname("BACKOFFICE_DB_PASSWORD_FILE");
  CLI11_PARSE(cli, argc, argv);

  if (const char* pw = std::getenv("BACKOFFICE_DB_PASSWORD")) db.password = pw;
  if (!password_file.empty()) {
    std::ifstream in(password_file);
    if (!in || !std::getline(in, db.password)) {
      std::cerr << "backoffice_bench: cannot read " << password_file << "\n";
      return 2;
    }
  }
  db.pool_size = options.clients;
  db.lease_timeout = std::chrono::seconds(30);

  std::vector<CpuMeter::Process> watched;
  for (const auto& entry : options.watch) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos) {
      std::cerr << "backoffice_bench: --watch wants NAME=PID, not " << entry
                << "\n";
      return 2;
    }
    watched.push_back({entry.substr(0, equals),
                       "/proc/" + entry.substr(equals + 1) + "/stat"});
  }
  watched.push_back({"bench", "/proc/self/stat"});
  const CpuMeter meter(std::move(watched));

  std::shared_ptr<backoffice::Connection> connection;
  auto clients = ConnectClients(options, connection);
  backoffice::CatalogClient catalog_client(connection);
  auto catalog = backoffice::sim::LoadCatalog(catalog_client);
  if (!catalog || catalog->empty()) {
    std::cerr << "backoffice_bench: no catalog: "
              << (catalog ? "no product" : catalog.status().ToString()) << "\n";
    return 2;
  }
  backoffice::storage::Database database(db);
  RawIds ids;
  std::vector<std::string> terminals;
  for (int c = 0; c < options.clients; ++c)
    terminals.push_back(TerminalCode(c));
  if (DbStatus status = LoadRawIds(database, options.store, terminals, ids);
      !status.ok()) {
    std::cerr << "backoffice_bench: " << status << "\n";
    return 2;
  }

  std::cout << "backoffice_bench: " << options.clients << " clients, "
            << options.rounds << " rounds of " << options.sales
            << " sales per phase (phases in turn), store " << options.store
            << ", " << catalog->size() << " products, run " << options.run
            << "\n"
            << std::fixed;
  // Connections, server threads and the buffer pool warm up unmeasured.
  if (options.warmup_per_client > 0) {
    auto warmup = MakeSales(options, *catalog, Phase::kWarmup, 0,
                            options.warmup_per_client);
    RunUnary("warm-up", clients, warmup);
    std::vector<std::vector<Sale>> raw_warmup(warmup.size());
    for (std::size_t c = 0; c < warmup.size(); ++c) {
      for (auto& sale : warmup[c]) {
        sale.set_sale_id(sale.sale_id() + "-raw");
        sale.set_receipt_number(sale.receipt_number() + 50'000'000);
        raw_warmup[c].push_back(sale);
      }
    }
    RunRaw("warm-up", database, ids, raw_warmup);
  }

  std::vector<PhaseResult> unary_rounds, backlog_rounds, raw_rounds,
      flood_rounds;
  for (int round = 1; round <= options.rounds; ++round) {
    const auto unary_sales =
        MakeSales(options, *catalog, Phase::kUnary, round, 0);
    const auto backlog_sales =
        MakeSales(options, *catalog, Phase::kBacklog, round, 0);
    const auto raw_sales = MakeSales(options, *catalog, Phase::kRaw, round, 0);
    const auto& unary =
        unary_rounds.emplace_back(Measure(meter, database, [&]() {
          return RunUnary("unary RecordSale", clients, unary_sales);
        }));
    const auto& backlog =
        backlog_rounds.emplace_back(Measure(meter, database, [&]() {
          return RunBacklog(
              "backlog UploadSales/" + std::to_string(options.batch_size),
              clients, backlog_sales, options.batch_size);
        }));
    const auto& raw = raw_rounds.emplace_back(Measure(meter, database, [&]() {
      return RunRaw("raw SOCI", database, ids, raw_sales);
    }));
    if (options.flood_clients > 0) {
      const auto flood_sales =
          MakeSales(options, *catalog, Phase::kFlood, round, 0);
      const auto& flood =
          flood_rounds.emplace_back(Measure(meter, database, [&]() {
            return RunFlood("unary under flood", options, clients, flood_sales);
          }));
      std::cout << std::setprecision(1) << "round " << round << ": tills' p99 "
                << Percentile(unary.latencies_ms, 0.99)
                << " ms, under a flood of " << options.flood_clients
                << " clients with unknown tokens ("
                << flood.flood_calls / std::max(flood.seconds, 1e-9)
                << " calls/s) " << Percentile(flood.latencies_ms, 0.99)
                << " ms\n";
    }
    std::cout << std::setprecision(1) << "round " << round << ": unary "
              << unary.sales_per_second() << " sales/s, backlog "
              << backlog.sales_per_second() << ", raw "
              << raw.sales_per_second() << std::setprecision(2)
              << " (unary/raw "
              << Ratio(unary.sales_per_second(), raw.sales_per_second())
              << ", backlog/unary "
              << Ratio(backlog.sales_per_second(), unary.sales_per_second())
              << ")\n";
  }
  const PhaseResult unary = Combine(unary_rounds);
  const PhaseResult backlog = Combine(backlog_rounds);
  const PhaseResult raw = Combine(raw_rounds);

  std::cout << "\ntotals over the rounds:\n"
            << std::left << std::setw(24) << "phase" << std::right
            << std::setw(7) << "sales" << std::setw(8) << "lines"
            << std::setw(9) << "seconds" << std::setw(10) << "sales/s"
            << std::setw(10) << "lines/s" << std::setw(9) << "p50 ms"
            << std::setw(9) << "p99 ms"
            << "\n";
  PrintPhase(unary, "per sale");
  PrintWhereTimeGoes(meter, unary);
  PrintPhase(backlog, "per batch");
  PrintWhereTimeGoes(meter, backlog);
  PrintPhase(raw, "per sale");
  PrintWhereTimeGoes(meter, raw);
  PhaseResult flood;
  if (!flood_rounds.empty()) {
    flood = Combine(flood_rounds);
    PrintPhase(flood, "per sale");
    PrintWhereTimeGoes(meter, flood);
    std::cout << std::setprecision(1) << "    meanwhile "
              << options.flood_clients << " clients with unknown tokens made "
              << flood.flood_calls << " calls ("
              << flood.flood_calls / std::max(flood.seconds, 1e-9)
              << " calls/s), " << flood.flood_other
              << " answered other than UNAUTHENTICATED\n";
  }

  const bool clean =
      unary.errors + backlog.errors + raw.errors + flood.errors == 0;
  if (!clean) std::cout << "some calls failed: the figures are not valid\n";
  const double unary_vs_raw =
      Ratio(unary.sales_per_second(), raw.sales_per_second());
  const double backlog_vs_unary =
      Ratio(backlog.sales_per_second(), unary.sales_per_second());
  if (!flood_rounds.empty()) {
    const double unary_p99 = Percentile(unary.latencies_ms, 0.99);
    const double flood_p99 = Percentile(flood.latencies_ms, 0.99);
    std::cout << std::setprecision(2)
              << "flood_p99_vs_unary_p99=" << Ratio(flood_p99, unary_p99)
              << " (tills' p99 " << std::setprecision(1) << flood_p99
              << " ms under a flood of " << options.flood_clients
              << " clients with unknown tokens, " << unary_p99
              << " ms without)\n";
  }
  std::cout << std::setprecision(2) << "unary_vs_raw=" << unary_vs_raw
            << " backlog_vs_unary=" << backlog_vs_unary << "\n";
  return clean ? 0 : 1;
}
