// backoffice_simulate_day: a trading day of the chain's tills against a live
// backofficed, through the SDK only, as real tills would use it.
//
// One thread per till posts its sales concurrently with RecordSale, and the
// run deliberately does what tills do on a bad day: resends sales (a lost
// response), sends the same sale from two threads at once, keeps one till
// offline and uploads its whole backlog afterwards (twice), skips receipt
// numbers, reuses a receipt number and a sale id. It then takes a few
// returns and one void, and finally reads every sale back: a sale that the
// server acknowledged but cannot find is the one failure a back office must
// never have.
//
// Exit status: 0 when every sale is found and nothing was refused that
// should not have been; 1 otherwise; 2 on bad arguments or an unusable
// catalog.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <future>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "backoffice/client.h"
#include "sale_maker.h"

namespace {

using backoffice::Status;
using backoffice::StatusCode;
using backoffice::StatusOr;
using backoffice::sim::CatalogItem;
using backoffice::sim::NetTotal;
using backoffice::sim::NowMicros;
using backoffice::sim::Percentile;
using backoffice::sim::SaleMaker;
using backoffice::sim::SetTimestamp;
using backoffice::sim::StableHash;
using backoffice::sim::TenderedTotal;
using backoffice::v1::Sale;
using Clock = std::chrono::steady_clock;

// The terminals every simulated store has.
const char* const kTills[] = {"T1", "T2"};
// The receipt number that the till with the gap also reuses.
constexpr std::int64_t kReusedReceipt = 3;
// Sale ids are at most 64 characters (the server's idempotency key rule).
constexpr std::size_t kMaxIdLength = 64;

struct Options {
  std::string address = "127.0.0.1:50051";
  std::string token;
  std::string ca_file;
  std::vector<std::string> stores;
  int sales_per_till = 300;
  std::uint64_t seed = 1;
  int replay_percent = 5;
  int double_send_percent = 1;
  int returns = 5;
  int backlog_batch_size = 200;
};

// What a till is told to do besides selling.
struct TillPlan {
  std::string store;
  std::string terminal;
  bool offline = false;
  // Receipt numbers the till never sends, as if those sales were lost.
  std::set<std::int64_t> skipped_receipts;
  // Whether the till also sends two faulty sales that must be refused.
  bool sends_faulty_sales = false;
};

// A sale that the server must be able to return at the end of the day.
struct ExpectedSale {
  std::string store;
  std::string sale_id;
  std::int64_t total_minor = 0;
};

std::string SaleId(std::uint64_t seed, const std::string& store,
                   const std::string& till, std::int64_t receipt) {
  return "sim" + std::to_string(seed) + "-" + store + "-" + till + "-" +
         std::to_string(receipt);
}

// Failures that a till survives by keeping the sale and sending it later.
bool IsTransient(const Status& status) {
  return status.code() == StatusCode::kUnavailable ||
         status.code() == StatusCode::kDeadlineExceeded ||
         status.code() == StatusCode::kResourceExhausted;
}

// The server gives up on a transaction that kept colliding with concurrent
// ones and answers ABORTED TRANSACTION_CONFLICT, asking for a retry; a till
// retries, and since every sale carries its id the retry cannot count twice.
bool IsConflict(const Status& status) {
  return status.code() == StatusCode::kAborted &&
         status.reason() == "TRANSACTION_CONFLICT";
}
constexpr int kConflictAttempts = 8;

// The day's counters, shared by every till thread.
class Tally {
 public:
  std::atomic<std::int64_t> generated{0};
  std::atomic<std::int64_t> record_sale_calls{0};
  std::atomic<std::int64_t> resends{0};
  std::atomic<std::int64_t> double_sends{0};
  std::atomic<std::int64_t> upload_batches{0};
  std::atomic<std::int64_t> uploaded_sales{0};
  std::atomic<std::int64_t> recorded{0};
  // First sends answered `replayed` because the SDK retried an attempt
  // whose answer was lost: recorded once all the same.
  std::atomic<std::int64_t> recorded_on_retry{0};
  std::atomic<std::int64_t> replayed{0};
  std::atomic<std::int64_t> deferred{0};
  std::atomic<std::int64_t> conflicts_retried{0};
  std::atomic<std::int64_t> returns{0};
  std::atomic<std::int64_t> voids{0};

  void Refused(const std::string& reason, bool expected) {
    std::lock_guard<std::mutex> lock(mutex_);
    (expected ? expected_refusals_ : unexpected_refusals_)[reason]++;
  }
  // An expectation the server did not meet; fails the run.
  void Problem(const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex_);
    problems_.push_back(what);
  }
  void AddLatencies(const std::vector<double>& milliseconds) {
    std::lock_guard<std::mutex> lock(mutex_);
    latencies_ms_.insert(latencies_ms_.end(), milliseconds.begin(),
                         milliseconds.end());
  }
  void Expect(const ExpectedSale& sale) {
    std::lock_guard<std::mutex> lock(mutex_);
    expected_.push_back(sale);
  }
  void ExpectAbsent(const ExpectedSale& sale) {
    std::lock_guard<std::mutex> lock(mutex_);
    expected_absent_.push_back(sale);
  }
  void KeepForAfterSales(const Sale& sale) {
    std::lock_guard<std::mutex> lock(mutex_);
    live_sales_.push_back(sale);
  }

  // Read only after the till threads have joined.
  const std::map<std::string, int>& expected_refusals() const {
    return expected_refusals_;
  }
  const std::map<std::string, int>& unexpected_refusals() const {
    return unexpected_refusals_;
  }
  const std::vector<std::string>& problems() const { return problems_; }
  const std::vector<double>& latencies_ms() const { return latencies_ms_; }
  std::vector<ExpectedSale>& expected() { return expected_; }
  const std::vector<ExpectedSale>& expected_absent() const {
    return expected_absent_;
  }
  std::vector<Sale>& live_sales() { return live_sales_; }

 private:
  std::mutex mutex_;
  std::map<std::string, int> expected_refusals_;
  std::map<std::string, int> unexpected_refusals_;
  std::vector<std::string> problems_;
  std::vector<double> latencies_ms_;
  std::vector<ExpectedSale> expected_;
  std::vector<ExpectedSale> expected_absent_;
  std::vector<Sale> live_sales_;
};

std::string Describe(const Status& status) {
  return status.reason().empty() ? backoffice::StatusCodeName(status.code())
                                 : status.reason();
}

class Simulation {
 public:
  Simulation(Options options, std::shared_ptr<backoffice::Connection> conn,
             std::vector<CatalogItem> catalog)
      : options_(std::move(options)),
        sales_(conn),
        catalog_(std::move(catalog)) {}

  int Run();

 private:
  std::vector<TillPlan> PlanTills() const;
  SaleMaker MakerFor(const TillPlan& plan) const {
    return SaleMaker(catalog_, options_.seed, plan.store, plan.terminal,
                     options_.sales_per_till / 2 + 1);
  }
  void RunOnlineTill(const TillPlan& plan);
  std::vector<Sale> RunOfflineTill(const TillPlan& plan);
  // Calls `call` again while the server answers TRANSACTION_CONFLICT.
  template <typename Call>
  auto RetryConflicts(const Call& call) {
    auto response = call();
    for (int attempt = 1; attempt < kConflictAttempts && !response &&
                          IsConflict(response.status());
         ++attempt) {
      tally_.conflicts_retried++;
      std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
      response = call();
    }
    return response;
  }
  StatusOr<std::vector<backoffice::v1::SaleResult>> UploadRetryingConflicts(
      const std::vector<Sale>& backlog);
  enum class FirstSend { kRecorded, kDeferred, kRefused };
  FirstSend SendFirst(const Sale& sale, std::vector<double>& latencies);
  void SendTwiceAtOnce(const Sale& sale);
  void Resend(const Sale& sale);
  void SendFaultySales(const TillPlan& plan, SaleMaker& maker);
  void UploadBacklog(const std::string& till, std::vector<Sale> backlog);
  void TakeReturnsAndVoid();
  std::int64_t VerifyEverySale();
  void CheckGapTill(const TillPlan& plan);
  void PrintSummary(const std::vector<TillPlan>& plans, double seconds,
                    std::int64_t found) const;

  const Options options_;
  backoffice::SalesClient sales_;
  const std::vector<CatalogItem> catalog_;
  Tally tally_;
  std::string voided_sale_id_;
  std::string receipt_check_;
};

std::vector<TillPlan> Simulation::PlanTills() const {
  std::vector<TillPlan> plans;
  for (const auto& store : options_.stores) {
    for (const char* till : kTills) {
      TillPlan plan;
      plan.store = store;
      plan.terminal = till;
      plans.push_back(std::move(plan));
    }
  }
  // The first store's T1 loses two sales in the middle of the day (and
  // reuses a receipt number); the last store's T2 has no link all day.
  TillPlan& gap = plans.front();
  const std::int64_t middle = std::max(1, options_.sales_per_till / 2);
  gap.skipped_receipts = {middle, middle + 1};
  gap.sends_faulty_sales = true;
  plans.back().offline = true;
  return plans;
}

Simulation::FirstSend Simulation::SendFirst(const Sale& sale,
                                            std::vector<double>& latencies) {
  backoffice::v1::RecordSaleRequest request;
  *request.mutable_sale() = sale;
  const auto start = Clock::now();
  auto response = RetryConflicts([&]() { return sales_.RecordSale(request); });
  latencies.push_back(
      std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  tally_.record_sale_calls++;
  if (!response) {
    if (IsTransient(response.status())) {
      tally_.deferred++;
      return FirstSend::kDeferred;
    }
    tally_.Refused(Describe(response.status()), /*expected=*/false);
    tally_.Problem("sale " + sale.sale_id() +
                   " refused: " + response.status().ToString());
    return FirstSend::kRefused;
  }
  (response->replayed() ? tally_.recorded_on_retry : tally_.recorded)++;
  return FirstSend::kRecorded;
}

void Simulation::Resend(const Sale& sale) {
  backoffice::v1::RecordSaleRequest request;
  *request.mutable_sale() = sale;
  auto response = RetryConflicts([&]() { return sales_.RecordSale(request); });
  tally_.record_sale_calls++;
  tally_.resends++;
  if (!response) {
    tally_.Problem("resend of " + sale.sale_id() +
                   " failed: " + response.status().ToString());
    return;
  }
  if (!response->replayed()) {
    tally_.Problem("resend of " + sale.sale_id() + " was recorded again");
    return;
  }
  tally_.replayed++;
}

// The till's retry and its original crossing on the wire: both threads
// release the same request at the same moment.
void Simulation::SendTwiceAtOnce(const Sale& sale) {
  backoffice::v1::RecordSaleRequest request;
  *request.mutable_sale() = sale;
  std::promise<void> go;
  std::shared_future<void> start = go.get_future().share();
  auto send = [&]() {
    start.wait();
    return RetryConflicts([&]() { return sales_.RecordSale(request); });
  };
  auto other = std::async(std::launch::async, send);
  go.set_value();
  auto mine = send();
  auto theirs = other.get();
  tally_.record_sale_calls += 2;
  tally_.double_sends++;
  if (!mine || !theirs) {
    tally_.Problem("double-send of " + sale.sale_id() + " failed: " +
                   (mine ? theirs.status() : mine.status()).ToString());
    return;
  }
  const int fresh = (mine->replayed() ? 0 : 1) + (theirs->replayed() ? 0 : 1);
  if (fresh == 2) {
    tally_.Problem("double-send of " + sale.sale_id() + " recorded it twice");
    return;
  }
  (fresh == 1 ? tally_.recorded : tally_.recorded_on_retry)++;
  tally_.replayed++;
}

// A till whose memory was reset reuses receipt 3 for a new sale, and one
// whose sale id generator broke reuses sale 4's id with other content: the
// server must refuse both and keep the evidence of the first.
void Simulation::SendFaultySales(const TillPlan& plan, SaleMaker& maker) {
  Sale reused = maker.Make(
      SaleId(options_.seed, plan.store, plan.terminal, kReusedReceipt) +
          "-reset",
      kReusedReceipt);
  Sale same_id =
      maker.Make(SaleId(options_.seed, plan.store, plan.terminal, 4), 4);
  same_id.set_cashier("Ketut");
  for (const auto& [sale, reason] :
       {std::make_pair(reused, "DUPLICATE_RECEIPT_NUMBER"),
        std::make_pair(same_id, "IDEMPOTENCY_KEY_REUSED")}) {
    backoffice::v1::RecordSaleRequest request;
    *request.mutable_sale() = sale;
    auto response =
        RetryConflicts([&]() { return sales_.RecordSale(request); });
    tally_.record_sale_calls++;
    if (response) {
      tally_.Problem("faulty sale " + sale.sale_id() + " (" + reason +
                     ") was accepted");
      continue;
    }
    const bool expected = response.status().reason() == reason;
    tally_.Refused(Describe(response.status()), expected);
    if (!expected) {
      tally_.Problem("faulty sale " + sale.sale_id() + " refused as " +
                     response.status().ToString() + ", not " + reason);
    }
  }
  tally_.ExpectAbsent({plan.store, reused.sale_id(), 0});
}

void Simulation::RunOnlineTill(const TillPlan& plan) {
  SaleMaker maker = MakerFor(plan);
  std::vector<double> latencies;
  std::vector<Sale> kept_for_later;
  for (std::int64_t receipt = 1; receipt <= options_.sales_per_till;
       ++receipt) {
    // The random stream advances for skipped receipts too, so that the
    // other sales of the day do not depend on which ones were skipped.
    Sale sale = maker.Make(
        SaleId(options_.seed, plan.store, plan.terminal, receipt), receipt);
    const bool send_twice_at_once = maker.Chance(options_.double_send_percent);
    const bool resend_later = maker.Chance(options_.replay_percent);
    if (plan.skipped_receipts.count(receipt)) continue;
    const std::int64_t due = NetTotal(sale);
    if (due != TenderedTotal(sale)) {
      tally_.Problem("simulator bug: sale " + sale.sale_id() +
                     " does not balance");
    }
    tally_.generated++;
    tally_.Expect({plan.store, sale.sale_id(), due});
    if (send_twice_at_once) {
      SendTwiceAtOnce(sale);
    } else {
      const FirstSend outcome = SendFirst(sale, latencies);
      if (outcome == FirstSend::kRefused) continue;
      if (outcome == FirstSend::kDeferred) {
        kept_for_later.push_back(sale);
        continue;
      }
    }
    tally_.KeepForAfterSales(sale);
    if (resend_later) Resend(sale);
  }
  tally_.AddLatencies(latencies);
  if (!kept_for_later.empty()) {
    UploadBacklog(plan.store + "/" + plan.terminal, std::move(kept_for_later));
  }
  // After the catch-up, so that the sale whose id is reused is on record.
  if (plan.sends_faulty_sales) SendFaultySales(plan, maker);
}

std::vector<Sale> Simulation::RunOfflineTill(const TillPlan& plan) {
  SaleMaker maker = MakerFor(plan);
  std::vector<Sale> backlog;
  for (std::int64_t receipt = 1; receipt <= options_.sales_per_till;
       ++receipt) {
    Sale sale = maker.Make(
        SaleId(options_.seed, plan.store, plan.terminal, receipt), receipt);
    if (NetTotal(sale) != TenderedTotal(sale)) {
      tally_.Problem("simulator bug: sale " + sale.sale_id() +
                     " does not balance");
    }
    tally_.generated++;
    tally_.Expect({plan.store, sale.sale_id(), NetTotal(sale)});
    backlog.push_back(std::move(sale));
  }
  // The till's local store hands its sales over in no particular order.
  std::shuffle(backlog.begin(), backlog.end(), maker.random());
  return backlog;
}

// Uploads a backlog in batches, then sends again the sales whose group of
// the batch met a TRANSACTION_CONFLICT.
StatusOr<std::vector<backoffice::v1::SaleResult>>
Simulation::UploadRetryingConflicts(const std::vector<Sale>& backlog) {
  auto results = sales_.UploadBacklog(backlog, options_.backlog_batch_size);
  for (int attempt = 1; results && attempt < kConflictAttempts; ++attempt) {
    std::vector<std::size_t> conflicted;
    std::vector<Sale> again;
    for (std::size_t i = 0; i < results->size(); ++i) {
      const auto& result = (*results)[i];
      if (!result.recorded() && result.reason() == "TRANSACTION_CONFLICT") {
        conflicted.push_back(i);
        again.push_back(backlog[i]);
      }
    }
    if (again.empty()) break;
    tally_.conflicts_retried += static_cast<std::int64_t>(again.size());
    std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
    auto retried = sales_.UploadBacklog(again, options_.backlog_batch_size);
    if (!retried) return retried.status();
    for (std::size_t k = 0; k < conflicted.size(); ++k) {
      (*results)[conflicted[k]] = (*retried)[k];
    }
  }
  return results;
}

// Uploads a backlog, then the same backlog again: the second time every
// sale must come back replayed, which is what makes a blind resend after a
// broken connection safe.
void Simulation::UploadBacklog(const std::string& till,
                               std::vector<Sale> backlog) {
  for (int round = 1; round <= 2; ++round) {
    auto results = UploadRetryingConflicts(backlog);
    const auto batches = (backlog.size() + options_.backlog_batch_size - 1) /
                         static_cast<std::size_t>(options_.backlog_batch_size);
    tally_.upload_batches += static_cast<std::int64_t>(batches);
    tally_.uploaded_sales += static_cast<std::int64_t>(backlog.size());
    if (!results) {
      tally_.Problem("backlog upload " + std::to_string(round) + " of " + till +
                     " failed: " + results.status().ToString());
      continue;
    }
    for (const auto& result : *results) {
      if (!result.recorded()) {
        tally_.Refused(result.reason(), /*expected=*/false);
        tally_.Problem("backlog sale " + result.sale_id() +
                       " refused: " + result.reason() + " " + result.message());
      } else if (round == 1) {
        (result.replayed() ? tally_.recorded_on_retry : tally_.recorded)++;
      } else if (!result.replayed()) {
        tally_.Problem("second upload of " + result.sale_id() +
                       " recorded it again");
      } else {
        tally_.replayed++;
      }
    }
  }
}

void Simulation::TakeReturnsAndVoid() {
  auto& candidates = tally_.live_sales();
  // Threads finished in no particular order; the seed picks the same sales.
  std::sort(
      candidates.begin(), candidates.end(),
      [](const Sale& a, const Sale& b) { return a.sale_id() < b.sale_id(); });
  std::mt19937_64 random(options_.seed ^ StableHash("after-sales"));
  std::shuffle(candidates.begin(), candidates.end(), random);
  const int returns =
      std::min<int>(options_.returns, static_cast<int>(candidates.size()) - 1);
  const std::int64_t now = NowMicros();
  for (int i = 0; i < returns; ++i) {
    const Sale& sale = candidates[static_cast<std::size_t>(i)];
    const auto& line = sale.lines(0);
    backoffice::v1::RecordReturnRequest request;
    auto* r = request.mutable_sale_return();
    r->set_return_id("sim" + std::to_string(options_.seed) + "-" +
                     sale.store_code() + "-return-" + std::to_string(i + 1));
    r->set_store_code(sale.store_code());
    r->set_terminal_code(sale.terminal_code());
    r->set_cashier(sale.cashier());
    r->set_sale_id(sale.sale_id());
    SetTimestamp(now, r->mutable_return_time());
    auto* returned = r->add_lines();
    returned->set_sale_line_number(line.line_number());
    // Half of the weighed produce, one of several pieces, or the lot.
    std::int64_t quantity = line.quantity_milli();
    if (quantity % 1000 != 0) {
      quantity = std::max<std::int64_t>(5, quantity / 2);
    } else if (quantity > 1000) {
      quantity = 1000;
    }
    returned->set_quantity_milli(quantity);
    returned->set_damaged(i == 1);
    r->set_refund_tender_type(i % 2 == 0 ? backoffice::v1::TENDER_TYPE_CASH
                                         : backoffice::v1::TENDER_TYPE_CARD);
    // The first return is sent twice, as after a lost answer.
    for (int attempt = 0; attempt < (i == 0 ? 2 : 1); ++attempt) {
      auto response =
          RetryConflicts([&]() { return sales_.RecordReturn(request); });
      if (!response) {
        tally_.Refused(Describe(response.status()), /*expected=*/false);
        tally_.Problem("return against " + sale.sale_id() +
                       " refused: " + response.status().ToString());
        break;
      }
      if (response->replayed() != (attempt == 1)) {
        tally_.Problem("return " + r->return_id() +
                       (attempt == 1 ? " was recorded twice"
                                     : " was new yet came back replayed"));
      }
      if (attempt == 0) tally_.returns++;
    }
  }
  if (static_cast<int>(candidates.size()) <= returns) return;
  // The customer walked away before paying: the manager voids the sale.
  const Sale& sale = candidates[static_cast<std::size_t>(returns)];
  backoffice::v1::VoidSaleRequest request;
  request.set_store_code(sale.store_code());
  request.set_sale_id(sale.sale_id());
  request.set_reason("customer left without paying; voided by the manager");
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto response = RetryConflicts([&]() { return sales_.VoidSale(request); });
    if (!response) {
      tally_.Refused(Describe(response.status()), /*expected=*/false);
      tally_.Problem("void of " + sale.sale_id() +
                     " refused: " + response.status().ToString());
      return;
    }
    if (response->replayed() != (attempt == 1)) {
      tally_.Problem("void of " + sale.sale_id() + " replay flag wrong");
    }
  }
  tally_.voids++;
  voided_sale_id_ = sale.sale_id();
}

// Reads every sale of the day back, from as many threads as there were
// tills; returns how many were found as sent.
std::int64_t Simulation::VerifyEverySale() {
  const auto& expected = tally_.expected();
  std::atomic<std::size_t> next{0};
  std::atomic<std::int64_t> found{0};
  auto check = [&]() {
    for (std::size_t i = next++; i < expected.size(); i = next++) {
      const ExpectedSale& want = expected[i];
      backoffice::v1::GetSaleRequest request;
      request.set_store_code(want.store);
      request.set_sale_id(want.sale_id);
      auto response = sales_.GetSale(request);
      if (!response) {
        tally_.Problem("sale " + want.sale_id +
                       " lost: " + response.status().ToString());
        continue;
      }
      const Sale& got = response->sale();
      const bool voided = want.sale_id == voided_sale_id_;
      if (got.total_minor() != want.total_minor) {
        tally_.Problem("sale " + want.sale_id + " total " +
                       std::to_string(got.total_minor()) + ", sent " +
                       std::to_string(want.total_minor));
      } else if (got.state() != (voided
                                     ? backoffice::v1::SALE_STATE_VOIDED
                                     : backoffice::v1::SALE_STATE_RECORDED)) {
        tally_.Problem("sale " + want.sale_id + " in the wrong state");
      } else {
        found++;
      }
    }
  };
  std::vector<std::thread> threads;
  const std::size_t thread_count = std::max<std::size_t>(
      1, std::min<std::size_t>(8, options_.stores.size() * 2));
  for (std::size_t t = 0; t < thread_count; ++t) threads.emplace_back(check);
  for (auto& thread : threads) thread.join();
  for (const auto& absent : tally_.expected_absent()) {
    backoffice::v1::GetSaleRequest request;
    request.set_store_code(absent.store);
    request.set_sale_id(absent.sale_id);
    auto response = sales_.GetSale(request);
    if (response || response.status().code() != StatusCode::kNotFound) {
      tally_.Problem("refused sale " + absent.sale_id +
                     " is on record, or could not be checked");
    }
  }
  return found;
}

// The receipt check of the till with the gap must show exactly the skipped
// receipts as missing, and the reused number as duplicated.
void Simulation::CheckGapTill(const TillPlan& plan) {
  // The day of the till's last sale, in the store's time zone: the server
  // knows the zone, so it tells.
  backoffice::v1::GetSaleRequest last_sale;
  last_sale.set_store_code(plan.store);
  last_sale.set_sale_id(SaleId(options_.seed, plan.store, plan.terminal,
                               options_.sales_per_till));
  auto sale = sales_.GetSale(last_sale);
  if (!sale) return;  // Already reported as lost.
  const std::string business_day = sale->sale().business_day();
  backoffice::v1::CheckReceiptSequenceRequest request;
  request.set_store_code(plan.store);
  request.set_terminal_code(plan.terminal);
  request.set_business_day(business_day);
  auto response = sales_.CheckReceiptSequence(request);
  if (!response) {
    tally_.Problem("receipt check failed: " + response.status().ToString());
    return;
  }
  std::ostringstream out;
  out << plan.store << "/" << plan.terminal << " on " << business_day << ": "
      << response->sale_count() << " sales, receipts "
      << response->first_receipt_number() << "-"
      << response->last_receipt_number() << ", missing";
  std::set<std::int64_t> missing;
  for (auto n : response->missing_receipt_numbers()) {
    missing.insert(n);
    out << " " << n;
  }
  out << ", duplicated";
  std::set<std::int64_t> duplicated;
  for (auto n : response->duplicated_receipt_numbers()) {
    duplicated.insert(n);
    out << " " << n;
  }
  receipt_check_ = out.str();
  // A day that crossed midnight in the store splits the till's receipts
  // over two days; the check then proves nothing either way.
  const bool whole_day_on_one_date =
      response->first_receipt_number() == 1 &&
      response->last_receipt_number() == options_.sales_per_till;
  if (whole_day_on_one_date && (missing != plan.skipped_receipts ||
                                duplicated.count(kReusedReceipt) == 0)) {
    tally_.Problem(
        "the receipt check does not show the skipped and the "
        "reused receipt numbers");
  }
}

void PrintReasons(const std::map<std::string, int>& reasons) {
  bool first = true;
  for (const auto& [reason, count] : reasons) {
    std::cout << (first ? " (" : ", ") << reason << " " << count;
    first = false;
  }
  if (!first) std::cout << ")";
}

std::int64_t Sum(const std::map<std::string, int>& counts) {
  std::int64_t total = 0;
  for (const auto& entry : counts) total += entry.second;
  return total;
}

void Simulation::PrintSummary(const std::vector<TillPlan>& plans,
                              double seconds, std::int64_t found) const {
  const TillPlan& gap = plans.front();
  const TillPlan& offline = plans.back();
  const auto& latencies = tally_.latencies_ms();
  std::cout << std::fixed << std::setprecision(1);
  std::cout << "simulated day: " << options_.stores.size() << " stores x "
            << std::size(kTills) << " tills, " << options_.sales_per_till
            << " receipts per till, seed " << options_.seed << "\n";
  std::cout << "  sales generated     " << tally_.generated << " (receipts";
  for (auto n : gap.skipped_receipts) std::cout << " " << n;
  std::cout << " of " << gap.store << "/" << gap.terminal
            << " skipped on purpose)\n";
  std::cout << "  sent                " << tally_.record_sale_calls
            << " RecordSale calls (" << tally_.resends << " resends, "
            << tally_.double_sends << " concurrent double-sends), "
            << tally_.uploaded_sales << " sales in " << tally_.upload_batches
            << " UploadSales batches (offline till " << offline.store << "/"
            << offline.terminal << ", twice)\n";
  std::cout << "  RecordSale latency  p50 " << Percentile(latencies, 0.5)
            << " ms, p99 " << Percentile(latencies, 0.99) << " ms\n";
  std::cout << "  recorded            "
            << tally_.recorded + tally_.recorded_on_retry;
  if (tally_.recorded_on_retry > 0) {
    std::cout << " (" << tally_.recorded_on_retry
              << " answered on an SDK retry)";
  }
  std::cout << "\n  replayed            " << tally_.replayed
            << " (every resend, double-send and second upload)\n";
  std::cout << "  conflicts retried   " << tally_.conflicts_retried
            << " (answered ABORTED TRANSACTION_CONFLICT, sent again)\n";
  if (tally_.deferred > 0) {
    std::cout << "  deferred            " << tally_.deferred
              << " (transient failures, uploaded later with the backlog)\n";
  }
  std::cout << "  refused as intended " << Sum(tally_.expected_refusals());
  PrintReasons(tally_.expected_refusals());
  std::cout << "\n  refused unexpectedly " << Sum(tally_.unexpected_refusals());
  PrintReasons(tally_.unexpected_refusals());
  std::cout << "\n  returns             " << tally_.returns
            << "\n  voids               " << tally_.voids;
  if (!voided_sale_id_.empty()) std::cout << " (" << voided_sale_id_ << ")";
  std::cout << "\n  read back           " << found << " of " << tally_.generated
            << " sales found as sent\n";
  if (!receipt_check_.empty()) {
    std::cout << "  receipt check       " << receipt_check_ << "\n";
  }
  std::cout << "  elapsed             " << seconds << " s ("
            << (seconds > 0 ? tally_.generated / seconds : 0)
            << " sales/s overall)\n";
  const auto& problems = tally_.problems();
  for (std::size_t i = 0; i < problems.size() && i < 20; ++i) {
    std::cout << "  PROBLEM: " << problems[i] << "\n";
  }
  if (problems.size() > 20) {
    std::cout << "  ... and " << problems.size() - 20 << " more problems\n";
  }
  std::cout << (problems.empty() ? "RESULT: OK, no sale lost\n"
                                 : "RESULT: FAILED\n");
}

int Simulation::Run() {
  const auto start = Clock::now();
  const std::vector<TillPlan> plans = PlanTills();
  std::vector<std::thread> tills;
  std::vector<Sale> backlog;
  std::string offline_till;
  for (const auto& plan : plans) {
    if (plan.offline) {
      backlog = RunOfflineTill(plan);
      offline_till = plan.store + "/" + plan.terminal;
    } else {
      tills.emplace_back([this, &plan]() { RunOnlineTill(plan); });
    }
  }
  for (auto& till : tills) till.join();
  // The link is back: the offline till catches up.
  UploadBacklog(offline_till, std::move(backlog));
  TakeReturnsAndVoid();
  const std::int64_t found = VerifyEverySale();
  CheckGapTill(plans.front());
  const double seconds =
      std::chrono::duration<double>(Clock::now() - start).count();
  PrintSummary(plans, seconds, found);
  return tally_.problems().empty() && tally_.unexpected_refusals().empty() ? 0
                                                                           : 1;
}

}  // namespace

int main(int argc, char** argv) {
  // Failures are reported in the summary; gRPC's own log lines would only
  // repeat them. GRPC_VERBOSITY still brings them back for debugging.
  setenv("GRPC_VERBOSITY", "NONE", /*overwrite=*/0);

  CLI::App cli{
      "backoffice_simulate_day: a trading day of the chain's tills against "
      "backofficed.\nEvery store must exist with tills T1 and T2, and the "
      "catalog must hold products.\nThe token must be allowed to post for "
      "every store and to void (HEAD_OFFICE).",
      "backoffice_simulate_day"};
  Options options;
  cli.add_option("--addr", options.address, "server host:port")
      ->envname("BACKOFFICE_ADDR")
      ->capture_default_str();
  cli.add_option("--token", options.token,
                 "a HEAD_OFFICE token's secret (prefer BACKOFFICE_TOKEN)")
      ->envname("BACKOFFICE_TOKEN")
      ->required();
  cli.add_option("--ca-file", options.ca_file,
                 "PEM CA certificates of the server; enables TLS")
      ->envname("BACKOFFICE_CA_FILE");
  cli.add_option("--stores", options.stores, "store codes, comma-separated")
      ->delimiter(',')
      ->required();
  cli.add_option("--sales-per-till", options.sales_per_till,
                 "receipts each till issues")
      ->capture_default_str()
      ->check(CLI::Range(10, 1'000'000));
  cli.add_option("--seed", options.seed,
                 "makes sale ids and contents reproducible")
      ->capture_default_str();
  cli.add_option("--replay-percent", options.replay_percent,
                 "share of sales sent again after they were recorded")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  cli.add_option("--double-send-percent", options.double_send_percent,
                 "share of sales sent from two threads at once")
      ->capture_default_str()
      ->check(CLI::Range(0, 100));
  cli.add_option("--returns", options.returns, "returns to take")
      ->capture_default_str()
      ->check(CLI::Range(0, 1000));
  cli.add_option("--backlog-batch-size", options.backlog_batch_size,
                 "sales per UploadSales call of the offline till")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  CLI11_PARSE(cli, argc, argv);

  for (const auto& store : options.stores) {
    const std::string longest =
        SaleId(options.seed, store, "T2", options.sales_per_till) + "-reset";
    if (longest.size() > kMaxIdLength) {
      std::cerr << "backoffice_simulate_day: store code " << store
                << " is too long for readable sale ids\n";
      return 2;
    }
  }

  backoffice::ConnectionOptions connection_options;
  connection_options.address = options.address;
  connection_options.token = options.token;
  connection_options.ca_file = options.ca_file;
  auto connection = backoffice::MakeConnection(connection_options);
  if (!connection) {
    std::cerr << "backoffice_simulate_day: " << connection.status() << "\n";
    return 2;
  }
  backoffice::CatalogClient catalog_client(*connection);
  // A missing till would show as hundreds of refused sales; say it once.
  for (const auto& store : options.stores) {
    for (const char* till : kTills) {
      backoffice::v1::GetTerminalRequest request;
      request.set_store_code(store);
      request.set_code(till);
      if (auto terminal = catalog_client.GetTerminal(request); !terminal) {
        std::cerr << "backoffice_simulate_day: till " << store << "/" << till
                  << ": " << terminal.status() << "\n";
        return 2;
      }
    }
  }
  auto catalog = backoffice::sim::LoadCatalog(catalog_client);
  if (!catalog) {
    std::cerr << "backoffice_simulate_day: cannot read the catalog: "
              << catalog.status() << "\n";
    return 2;
  }
  if (catalog->empty()) {
    std::cerr << "backoffice_simulate_day: the catalog has no active product "
                 "with a price\n";
    return 2;
  }
  Simulation simulation(std::move(options), *connection, std::move(*catalog));
  return simulation.Run();
}
