// Stock counts through the real server and the SDK: the opening freezes
// the book; entries by several counters (recounts replace) record the book
// of their moment, so sales while counting are neither lost nor counted
// twice and the variance is exactly the unexplained difference; posting
// within the threshold moves stock at once, above it waits for a manager
// who did not count, above the higher one for head office; a SIGKILL of
// the server mid-counts; verify finding each broken invariant.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "backoffice/client.h"
#include "ledger_helpers.h"
#include "server_fixture.h"
#include "store_stock_helpers.h"

namespace backoffice {
namespace {

using testing::Idr;
using testing::RunningServer;
using testing::ScratchDatabase;

constexpr char kStore[] = "CT";
constexpr std::int64_t kCost = 1000;

class StockCountE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      testing::MakeStoreWithTill(*server_, kStore);
      testing::MakeSupplier(*server_, "CT-SUP");
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      counter_a_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kStore);
      counter_b_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kStore);
      manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kStore);
      std::vector<testing::DeliveredLot> lots;
      for (const char* sku : {"CT-1", "CT-2", "CT-3", "CT-4", "CT-5"}) {
        testing::MakeSuppliedProduct(*server_, head_office_, "CT-SUP", sku,
                                     kCost);
        lots.push_back({sku, "", "", 1000});
      }
      testing::ReceiveDelivery(*server_, manager_a_, manager_b_, kStore,
                               "CT-SUP", "CT-GR-1", lots);
      // A manager approves above 5,000 of variance, head office above
      // 50,000.
      v1::UpdateInventorySettingsRequest settings;
      settings.mutable_settings()->set_store_code(kStore);
      *settings.mutable_settings()->mutable_count_approval_threshold() =
          Idr(5000);
      *settings.mutable_settings()->mutable_count_head_office_threshold() =
          Idr(50000);
      testing::MustOk(InventoryClient(server_->Connect(head_office_))
                          .UpdateInventorySettings(settings)
                          .status());
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }

  static StatusOr<v1::OpenStockCountResponse> Open(
      const std::string& token, const std::string& id,
      const std::vector<std::string>& skus) {
    v1::OpenStockCountRequest r;
    r.set_store_code(kStore);
    r.set_count_id(id);
    for (const auto& sku : skus) r.add_skus(sku);
    return StockControlClient(server_->Connect(token)).OpenStockCount(r);
  }

  static StatusOr<v1::EnterStockCountResponse> Enter(
      const std::string& token, const std::string& id,
      const std::string& entry_id,
      const std::vector<std::pair<std::string, std::int64_t>>& counted) {
    v1::EnterStockCountRequest r;
    r.set_store_code(kStore);
    r.set_count_id(id);
    r.set_entry_id(entry_id);
    for (const auto& [sku, milli] : counted) {
      auto* line = r.add_lines();
      line->set_sku(sku);
      line->set_counted_milli(milli);
    }
    return StockControlClient(server_->Connect(token)).EnterStockCount(r);
  }

  static StatusOr<v1::PostStockCountResponse> Post(const std::string& token,
                                                   const std::string& id,
                                                   bool zero = false) {
    v1::PostStockCountRequest r;
    r.set_store_code(kStore);
    r.set_count_id(id);
    r.set_uncounted_as_zero(zero);
    return StockControlClient(server_->Connect(token)).PostStockCount(r);
  }

  static StatusOr<v1::ApproveStockCountResponse> Approve(
      const std::string& token, const std::string& id) {
    v1::ApproveStockCountRequest r;
    r.set_store_code(kStore);
    r.set_count_id(id);
    return StockControlClient(server_->Connect(token)).ApproveStockCount(r);
  }

  static std::int64_t OnHand(const std::string& sku) {
    return testing::OnHandOf(*server_, head_office_, kStore, sku);
  }

  static void ExpectCleanLedger() {
    testing::ExpectCleanLedger(*server_, head_office_);
  }

  static inline ScratchDatabase* scratch_ = nullptr;
  static inline RunningServer* server_ = nullptr;
  static inline std::string head_office_;
  static inline std::string counter_a_;
  static inline std::string counter_b_;
  static inline std::string manager_a_;
  static inline std::string manager_b_;
};

TEST_F(StockCountE2eTest,
       ACountWhileSalesGoOnAdjustsByExactlyTheUnexplainedDifference) {
  const std::int64_t start = OnHand("CT-1");
  ASSERT_EQ(start, 1000000);
  SalesClient sales(server_->Connect(head_office_));
  auto opened = Open(counter_a_, "CT-C1", {"CT-1", "CT-2"});
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->count().state(), v1::STOCK_COUNT_STATE_OPEN);
  EXPECT_EQ(opened->count().line_count(), 2);
  // A product in an open count is in no other.
  EXPECT_EQ(Open(counter_b_, "CT-C1-DUP", {"CT-2", "CT-3"}).status().reason(),
            "COUNT_ALREADY_OPEN");

  // Sales go on while the shelves are counted: before the entry, after
  // it, and from a till in a thread through the recounts and the posting.
  ASSERT_TRUE(testing::SellNow(sales, kStore, "CT-S1", "CT-1", 3, 2000).ok());
  // Counter A finds 2 fewer than the books hold at the moment of the
  // entry: the server records that moment's book beside the count.
  const std::int64_t book_at_entry = OnHand("CT-1");
  auto a = Enter(counter_a_, "CT-C1", "E1", {{"CT-1", book_at_entry - 2000}});
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_EQ(a->lines_size(), 1);
  EXPECT_EQ(a->lines(0).frozen_milli(), start);
  EXPECT_EQ(a->lines(0).moved_since_open_milli(), -3000);
  EXPECT_EQ(a->lines(0).variance_milli(), -2000);
  std::atomic<bool> stop{false};
  std::atomic<int> sold_in_thread{0};
  std::thread till([&] {
    SalesClient own(server_->Connect(head_office_));
    for (int i = 0; !stop.load() && i < 400; ++i) {
      if (testing::SellNow(own, kStore, "CT-BG-" + std::to_string(i), "CT-1", 1,
                           2 * kCost)
              .ok()) {
        ++sold_in_thread;
      }
    }
  });
  // Stopped and joined however the test leaves.
  struct JoinOnExit {
    std::atomic<bool>& stop;
    std::thread& thread;
    ~JoinOnExit() {
      stop = true;
      if (thread.joinable()) thread.join();
    }
  } join_on_exit{stop, till};
  ASSERT_TRUE(testing::SellNow(sales, kStore, "CT-S2", "CT-1", 4, 2000).ok());
  // Counter B counts CT-2 one too many; counter A recounts it right.
  ASSERT_TRUE(Enter(counter_b_, "CT-C1", "E2", {{"CT-2", 1001000}}).ok());
  auto recount = Enter(counter_a_, "CT-C1", "E3", {{"CT-2", 1000000}});
  ASSERT_TRUE(recount.ok()) << recount.status();
  EXPECT_EQ(recount->lines(0).entries(), 2);
  EXPECT_EQ(recount->lines(0).variance_milli(), 0);
  // An entry is replayed by its id, as it was recorded (not as the
  // recount left the line), and bound to its content.
  auto replay = Enter(counter_b_, "CT-C1", "E2", {{"CT-2", 1001000}});
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());
  ASSERT_EQ(replay->lines_size(), 1);
  EXPECT_EQ(replay->lines(0).counted_milli(), 1001000);
  EXPECT_EQ(replay->lines(0).variance_milli(), 1000);
  EXPECT_EQ(replay->lines(0).entries(), 1);
  EXPECT_EQ(Enter(counter_b_, "CT-C1", "E2", {{"CT-2", 5}}).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(Enter(counter_b_, "CT-C1", "E4", {{"CT-3", 5}}).status().reason(),
            "COUNT_LINE_NOT_FOUND");

  // Worth 2,000: within the manager's threshold, posted at once.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (sold_in_thread.load() < 3 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_GE(sold_in_thread.load(), 3) << "the till sold while counting";
  auto posted = Post(counter_b_, "CT-C1");
  stop = true;
  till.join();
  ASSERT_TRUE(posted.ok()) << posted.status();
  EXPECT_EQ(posted->count().state(), v1::STOCK_COUNT_STATE_POSTED);
  EXPECT_EQ(posted->count().approval_level(), v1::COUNT_APPROVAL_LEVEL_NONE);
  EXPECT_EQ(posted->count().variance_value().minor_units(), 2000);
  EXPECT_EQ(posted->count().net_variance_value().minor_units(), -2000);
  EXPECT_EQ(posted->count().counted_by_size(), 2);
  // Every sale stays: only the 2 nobody can explain are adjusted.
  const std::int64_t sold = 3000 + 4000 + sold_in_thread.load() * 1000;
  EXPECT_EQ(OnHand("CT-1"), start - sold - 2000);
  EXPECT_EQ(OnHand("CT-2"), 1000000);
  EXPECT_TRUE(Post(counter_b_, "CT-C1").ok()) << "posting again";
  EXPECT_EQ(OnHand("CT-1"), start - sold - 2000);
  EXPECT_EQ(Enter(counter_a_, "CT-C1", "E9", {{"CT-1", 1}}).status().reason(),
            "COUNT_STATE_CONFLICT");
  // Its products are free for the next count.
  ASSERT_TRUE(Open(counter_b_, "CT-C1-NEXT", {"CT-2"}).ok());
  v1::CancelStockCountRequest cancel;
  cancel.set_store_code(kStore);
  cancel.set_count_id("CT-C1-NEXT");
  cancel.set_reason("opened by mistake");
  ASSERT_TRUE(StockControlClient(server_->Connect(manager_a_))
                  .CancelStockCount(cancel)
                  .ok());
  ExpectCleanLedger();
}

TEST_F(StockCountE2eTest,
       ALargeVarianceWaitsForAManagerWhoDidNotCountOrHeadOfficeAboveIt) {
  const std::int64_t three = OnHand("CT-3");
  const std::int64_t four = OnHand("CT-4");
  // 10 of CT-3 short (10,000): a manager who did not count.
  ASSERT_TRUE(Open(manager_a_, "CT-C2", {"CT-3"}).ok());
  ASSERT_TRUE(Enter(counter_a_, "CT-C2", "E1", {{"CT-3", three - 10000}}).ok());
  auto waiting = Post(manager_a_, "CT-C2");
  ASSERT_TRUE(waiting.ok()) << waiting.status();
  EXPECT_EQ(waiting->count().state(), v1::STOCK_COUNT_STATE_PENDING_APPROVAL);
  EXPECT_EQ(waiting->count().approval_level(),
            v1::COUNT_APPROVAL_LEVEL_MANAGER);
  EXPECT_EQ(waiting->count().variance_value().minor_units(), 10000);
  EXPECT_EQ(OnHand("CT-3"), three) << "nothing moves while it waits";
  v1::ListApprovalsRequest inbox;
  inbox.set_store_code(kStore);
  auto items =
      ApprovalClient(server_->Connect(manager_b_)).ListApprovals(inbox);
  ASSERT_TRUE(items.ok()) << items.status();
  ASSERT_EQ(items->approvals_size(), 1);
  EXPECT_EQ(items->approvals(0).kind(), v1::APPROVAL_KIND_STOCK_COUNT);
  EXPECT_EQ(items->approvals(0).document_id(), "CT-C2");
  EXPECT_EQ(items->approvals(0).amount().minor_units(), 10000);
  EXPECT_FALSE(items->approvals(0).needs_head_office());
  // Staff may not approve; who asked to post may not, whatever the role.
  EXPECT_EQ(Approve(counter_b_, "CT-C2").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Approve(manager_a_, "CT-C2").status().reason(),
            "SELF_APPROVAL_FORBIDDEN");
  // Rejected: open again for a recount, which finds 6 short (6,000).
  v1::RejectStockCountRequest reject;
  reject.set_store_code(kStore);
  reject.set_count_id("CT-C2");
  reject.set_reason("recount the back shelf");
  auto rejected =
      StockControlClient(server_->Connect(manager_b_)).RejectStockCount(reject);
  ASSERT_TRUE(rejected.ok()) << rejected.status();
  EXPECT_EQ(rejected->count().state(), v1::STOCK_COUNT_STATE_OPEN);
  // A recount finds it all (no variance, nothing of the first request's
  // value stays), then a third finds 6 short (6,000).
  ASSERT_TRUE(Enter(counter_b_, "CT-C2", "E1b", {{"CT-3", three}}).ok());
  v1::GetStockCountRequest get;
  get.set_store_code(kStore);
  get.set_count_id("CT-C2");
  auto recounted =
      StockControlClient(server_->Connect(manager_b_)).GetStockCount(get);
  ASSERT_TRUE(recounted.ok()) << recounted.status();
  EXPECT_EQ(recounted->count().lines(0).variance_value().minor_units(), 0);
  ExpectCleanLedger();
  ASSERT_TRUE(Enter(manager_b_, "CT-C2", "E2", {{"CT-3", three - 6000}}).ok());
  ASSERT_TRUE(Post(counter_a_, "CT-C2").ok());
  // Manager B counted now: he may not approve; manager A did not count and
  // did not ask this time.
  EXPECT_EQ(Approve(manager_b_, "CT-C2").status().reason(),
            "SELF_APPROVAL_FORBIDDEN");
  auto approved = Approve(manager_a_, "CT-C2");
  ASSERT_TRUE(approved.ok()) << approved.status();
  EXPECT_EQ(approved->count().state(), v1::STOCK_COUNT_STATE_POSTED);
  EXPECT_EQ(OnHand("CT-3"), three - 6000);
  EXPECT_TRUE(Approve(manager_a_, "CT-C2").ok()) << "approving again";
  EXPECT_EQ(OnHand("CT-3"), three - 6000);

  // 60 of CT-4 short (60,000): head office only.
  ASSERT_TRUE(Open(counter_a_, "CT-C3", {"CT-4"}).ok());
  ASSERT_TRUE(Enter(counter_a_, "CT-C3", "E1", {{"CT-4", four - 60000}}).ok());
  auto big = Post(counter_a_, "CT-C3");
  ASSERT_TRUE(big.ok()) << big.status();
  EXPECT_EQ(big->count().approval_level(),
            v1::COUNT_APPROVAL_LEVEL_HEAD_OFFICE);
  EXPECT_EQ(Approve(manager_b_, "CT-C3").status().reason(), "ROLE_NOT_ALLOWED");
  ASSERT_TRUE(Approve(head_office_, "CT-C3").ok());
  EXPECT_EQ(OnHand("CT-4"), four - 60000);
  ExpectCleanLedger();
}

TEST_F(StockCountE2eTest, AWholeStoreCountWithUncountedLinesPostsThemAsZero) {
  const std::int64_t five = OnHand("CT-5");
  auto opened = Open(manager_a_, "CT-C4", {});
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_TRUE(opened->count().whole_store());
  EXPECT_EQ(opened->count().line_count(), 5);
  std::vector<std::pair<std::string, std::int64_t>> all;
  for (const char* sku : {"CT-1", "CT-2", "CT-3", "CT-4"}) {
    all.push_back({sku, OnHand(sku)});
  }
  ASSERT_TRUE(Enter(counter_a_, "CT-C4", "E1", all).ok());
  EXPECT_EQ(Post(counter_a_, "CT-C4").status().reason(), "COUNT_INCOMPLETE");
  // Posted with CT-5 as zero (worth a million: head office's), then sent
  // back by head office: CT-5 is uncounted again and nothing of the
  // refused posting stays.
  ASSERT_TRUE(Post(counter_a_, "CT-C4", true).ok());
  v1::RejectStockCountRequest reject;
  reject.set_store_code(kStore);
  reject.set_count_id("CT-C4");
  reject.set_reason("look in the back room");
  EXPECT_EQ(StockControlClient(server_->Connect(manager_b_))
                .RejectStockCount(reject)
                .status()
                .reason(),
            "ROLE_NOT_ALLOWED");
  auto reopened = StockControlClient(server_->Connect(head_office_))
                      .RejectStockCount(reject);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_EQ(reopened->count().counted_count(), 4);
  EXPECT_EQ(reopened->count().variance_value().minor_units(), 0);
  ExpectCleanLedger();
  EXPECT_EQ(Post(counter_a_, "CT-C4").status().reason(), "COUNT_INCOMPLETE");
  // CT-5 is not on the shelf after all: 1,000 units at 1,000 go, for head
  // office.
  auto posted = Post(counter_a_, "CT-C4", true);
  ASSERT_TRUE(posted.ok()) << posted.status();
  EXPECT_EQ(posted->count().variance_value().minor_units(), five);
  ASSERT_TRUE(Approve(head_office_, "CT-C4").ok());
  EXPECT_EQ(OnHand("CT-5"), 0);
  v1::GetStockCountRequest get;
  get.set_store_code(kStore);
  get.set_count_id("CT-C4");
  auto count =
      StockControlClient(server_->Connect(counter_b_)).GetStockCount(get);
  ASSERT_TRUE(count.ok()) << count.status();
  ASSERT_EQ(count->count().lines_size(), 5);
  EXPECT_EQ(count->count().lines(4).sku(), "CT-5");
  EXPECT_EQ(count->count().lines(4).variance_milli(), -five);
  EXPECT_EQ(count->count().lines(4).variance_value().minor_units(),
            -five * kCost / 1000);
  ExpectCleanLedger();
  // Give CT-5 its stock back for the next tests.
  testing::ReceiveDelivery(*server_, manager_a_, manager_b_, kStore, "CT-SUP",
                           "CT-GR-2", {{"CT-5", "", "", 1000}});
}

TEST_F(StockCountE2eTest, TheCliCountsAndTheInboxDecidesNeverByACounter) {
  const std::int64_t two = OnHand("CT-2");
  std::string out, err;
  ASSERT_EQ(testing::RunCli(
                *server_, counter_a_,
                {"count", "open", kStore, "--sku", "CT-2", "--id", "CT-CLI"},
                &out, &err),
            0)
      << err;
  // 8 short (8,000): above the manager's threshold.
  const std::string counted = std::to_string((two - 8000) / 1000);
  ASSERT_EQ(testing::RunCli(*server_, counter_a_,
                            {"count", "enter", kStore, "CT-CLI", "--line",
                             "CT-2:" + counted, "--entry", "E1"},
                            &out, &err),
            0)
      << err;
  ASSERT_EQ(testing::RunCli(*server_, counter_b_,
                            {"count", "post", kStore, "CT-CLI"}, &out, &err),
            0)
      << err;
  EXPECT_NE(err.find("waits for a manager who did not count"),
            std::string::npos)
      << err;
  ASSERT_EQ(
      testing::RunCli(*server_, manager_a_,
                      {"approvals", "list", kStore, "-o", "csv"}, &out, &err),
      0)
      << err;
  EXPECT_NE(out.find("STOCK_COUNT"), std::string::npos) << out;
  EXPECT_NE(out.find("CT-CLI"), std::string::npos) << out;
  EXPECT_NE(testing::RunCli(*server_, counter_b_,
                            {"approvals", "approve", kStore, "--kind",
                             "stock_count", "CT-CLI"},
                            &out, &err),
            0);
  EXPECT_NE(err.find("PERMISSION_DENIED"), std::string::npos) << err;
  ASSERT_EQ(testing::RunCli(*server_, manager_a_,
                            {"approvals", "approve", kStore, "--kind",
                             "stock_count", "CT-CLI"},
                            &out, &err),
            0)
      << err;
  EXPECT_EQ(OnHand("CT-2"), two - 8000);
  ExpectCleanLedger();
}

TEST_F(StockCountE2eTest, ServerKilledMidCountsPostsEachOnce) {
  constexpr int kCounts = 8;
  const std::int64_t start = OnHand("CT-5");
  StockControlClient counter(testing::RetryingConnection(*server_, counter_a_));
  auto run = [&](int i) -> Status {
    const std::string id = "CT-K" + std::to_string(i);
    v1::OpenStockCountRequest open;
    open.set_store_code(kStore);
    open.set_count_id(id);
    open.add_skus("CT-5");
    if (auto s = counter.OpenStockCount(open); !s.ok()) return s.status();
    v1::GetStockLevelRequest level;
    v1::EnterStockCountRequest enter;
    enter.set_store_code(kStore);
    enter.set_count_id(id);
    enter.set_entry_id("E1");
    auto* line = enter.add_lines();
    line->set_sku("CT-5");
    // One short each time: the book before this count minus one.
    line->set_counted_milli(start - i * 1000);
    if (auto s = counter.EnterStockCount(enter); !s.ok()) return s.status();
    v1::PostStockCountRequest post;
    post.set_store_code(kStore);
    post.set_count_id(id);
    return counter.PostStockCount(post).status();
  };
  testing::RunThroughAKill(*server_, kCounts, 2, "count", run);
  for (int i = 1; i <= kCounts; ++i) ASSERT_TRUE(run(i).ok()) << i;
  EXPECT_EQ(scratch_->CountRows("stock_counts WHERE count_id LIKE 'CT-K%' "
                                "AND state = 'POSTED'"),
            kCounts);
  EXPECT_EQ(scratch_->CountRows("stock_movements WHERE document_key LIKE "
                                "'CT-K%'"),
            kCounts);
  EXPECT_EQ(OnHand("CT-5"), start - kCounts * 1000);
  ExpectCleanLedger();
}

TEST_F(StockCountE2eTest, VerifyFindsEachBrokenCountInvariant) {
  const std::int64_t two = OnHand("CT-2");
  ASSERT_TRUE(Open(counter_a_, "CT-V", {"CT-2"}).ok());
  ASSERT_TRUE(Enter(counter_a_, "CT-V", "E1", {{"CT-2", two - 3000}}).ok());
  ASSERT_TRUE(Post(counter_b_, "CT-V").ok());
  ExpectCleanLedger();
  const std::string db = scratch_->config().database;
  auto expect_kind = [&](const std::string& what) {
    testing::ExpectViolation(*server_, head_office_, "STOCK_COUNT_MISMATCH",
                             what);
  };
  const std::string lines = "UPDATE " + db + ".stock_count_lines l JOIN " + db +
                            ".stock_counts c ON c.id = l.count_pk SET ";
  const std::string where = " WHERE c.count_id = 'CT-V'";
  scratch_->Execute(lines + "l.counted_milli = l.counted_milli + 1" + where);
  expect_kind("counted differs from its entry and its movement");
  scratch_->Execute(lines + "l.counted_milli = l.counted_milli - 1" + where);
  ExpectCleanLedger();
  scratch_->Execute(lines + "l.variance_value_minor = 0" + where);
  expect_kind("variance not at cost");
  scratch_->Execute(lines + "l.variance_value_minor = -3000" + where);
  ExpectCleanLedger();
  // Posted as if approved by one of its counters.
  scratch_->Execute("UPDATE " + db +
                    ".stock_counts c SET c.approval_level = 'MANAGER', "
                    "c.decided_by = (SELECT counted_by FROM " +
                    db +
                    ".stock_count_entries e WHERE e.count_pk = c.id LIMIT 1) "
                    "WHERE c.count_id = 'CT-V'");
  expect_kind("approved by its counter");
  scratch_->Execute("UPDATE " + db +
                    ".stock_counts SET approval_level = 'NONE', decided_by = "
                    "NULL WHERE count_id = 'CT-V'");
  ExpectCleanLedger();
  // A posted count's product still held as in an open count.
  scratch_->Execute("INSERT INTO " + db +
                    ".stock_count_open_products (store_id, product_id, "
                    "count_pk) SELECT c.store_id, l.product_id, c.id FROM " +
                    db + ".stock_counts c JOIN " + db +
                    ".stock_count_lines l ON l.count_pk = c.id" + where);
  expect_kind("a posted count still holds its products");
}

}  // namespace
}  // namespace backoffice
