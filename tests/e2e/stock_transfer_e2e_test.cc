// Transfers between stores through the real server and the SDK: stock
// leaves the sending store lot by lot at its cost, is in transit (seen by
// both stores and by the receiving store's suggested orders), enters the
// receiving store once (a transfer received twice is a replay or refused),
// and a difference waits for a manager who did not receive it; a SIGKILL
// of the server mid-transfers; verify finding each broken invariant.
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

using testing::JakartaDayFromToday;
using testing::RunningServer;
using testing::ScratchDatabase;

constexpr char kFrom[] = "TA";
constexpr char kTo[] = "TB";
constexpr char kOther[] = "TC";

class StockTransferE2eTest : public testing::SharedSetUpTest {
 protected:
  static void SetUpTestSuite() {
    RunSharedSetUp([] {
      scratch_ = new ScratchDatabase();
      server_ = new RunningServer(scratch_->config());
      for (const char* store : {kFrom, kTo, kOther}) {
        testing::MakeStoreWithTill(*server_, store);
      }
      testing::MakeSupplier(*server_, "TR-SUP");
      head_office_ = server_->CreateToken(v1::ROLE_HEAD_OFFICE);
      sender_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kFrom);
      from_manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kFrom);
      from_manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kFrom);
      receiver_ = server_->CreateToken(v1::ROLE_STORE_STAFF, kTo);
      to_manager_a_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kTo);
      to_manager_b_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kTo);
      other_ = server_->CreateToken(v1::ROLE_STORE_MANAGER, kOther);
      testing::MakeSuppliedProduct(*server_, head_office_, "TR-SUP", "TR-MILK",
                                   5000, 90);
      testing::MakeSuppliedProduct(*server_, head_office_, "TR-SUP", "TR-SOAP",
                                   3000);
      testing::ReceiveDelivery(*server_, from_manager_a_, from_manager_b_,
                               kFrom, "TR-SUP", "TR-GR-1",
                               {{"TR-MILK", "L1", JakartaDayFromToday(30), 10},
                                {"TR-MILK", "L2", JakartaDayFromToday(60), 10},
                                {"TR-SOAP", "", "", 500}});
    });
  }
  static void TearDownTestSuite() {
    delete server_;
    delete scratch_;
  }

  static v1::StockTransferLineInput Line(const std::string& sku,
                                         std::int64_t units,
                                         const std::string& lot = "",
                                         const std::string& expiry = "") {
    v1::StockTransferLineInput line;
    line.set_sku(sku);
    line.set_quantity_milli(units * 1000);
    line.set_lot_code(lot);
    line.set_expiry_date(expiry);
    return line;
  }

  static StatusOr<v1::SendStockTransferResponse> Send(
      const std::string& token, const std::string& id,
      const std::vector<v1::StockTransferLineInput>& lines,
      const std::string& to = kTo, const std::string& from = kFrom) {
    v1::SendStockTransferRequest r;
    r.set_from_store_code(from);
    r.set_transfer_id(id);
    r.set_to_store_code(to);
    for (const auto& l : lines) *r.add_lines() = l;
    r.set_note("slow here, sells there");
    return StockControlClient(server_->Connect(token)).SendStockTransfer(r);
  }

  struct Arrived {
    int line;
    std::int64_t good_units, damaged_units;
  };
  static StatusOr<v1::ReceiveStockTransferResponse> Receive(
      const std::string& token, const std::string& id,
      const std::vector<Arrived>& lines = {}) {
    v1::ReceiveStockTransferRequest r;
    r.set_to_store_code(kTo);
    r.set_from_store_code(kFrom);
    r.set_transfer_id(id);
    for (const auto& a : lines) {
      auto* l = r.add_lines();
      l->set_line_number(a.line);
      l->set_received_milli(a.good_units * 1000);
      l->set_damaged_milli(a.damaged_units * 1000);
    }
    return StockControlClient(server_->Connect(token)).ReceiveStockTransfer(r);
  }

  static StatusOr<v1::ResolveStockTransferResponse> Resolve(
      const std::string& token, const std::string& id,
      v1::TransferResolution how) {
    v1::ResolveStockTransferRequest r;
    r.set_to_store_code(kTo);
    r.set_from_store_code(kFrom);
    r.set_transfer_id(id);
    r.set_resolution(how);
    r.set_reason("checked with the driver");
    return StockControlClient(server_->Connect(token)).ResolveStockTransfer(r);
  }

  static std::int64_t OnHand(const std::string& store, const std::string& sku) {
    return testing::OnHandOf(*server_, head_office_, store, sku);
  }

  static void ExpectCleanLedger() {
    testing::ExpectCleanLedger(*server_, head_office_);
  }

  static inline ScratchDatabase* scratch_ = nullptr;
  static inline RunningServer* server_ = nullptr;
  static inline std::string head_office_;
  static inline std::string sender_;
  static inline std::string from_manager_a_;
  static inline std::string from_manager_b_;
  static inline std::string receiver_;
  static inline std::string to_manager_a_;
  static inline std::string to_manager_b_;
  static inline std::string other_;
};

TEST_F(StockTransferE2eTest,
       SentLotByLotInTransitForBothStoresThenReceivedOnceAtItsCost) {
  const std::int64_t milk_from = OnHand(kFrom, "TR-MILK");
  const std::int64_t soap_from = OnHand(kFrom, "TR-SOAP");
  ASSERT_EQ(milk_from, 20000);
  // The receiving store orders soap at a reorder point of 20.
  v1::SetProductStoreSettingRequest setting;
  setting.mutable_setting()->set_store_code(kTo);
  setting.mutable_setting()->set_sku("TR-SOAP");
  setting.mutable_setting()->set_reorder_point_milli(20000);
  setting.mutable_setting()->set_preferred_supplier("TR-SUP");
  ASSERT_TRUE(CatalogClient(server_->Connect(head_office_))
                  .SetProductStoreSetting(setting)
                  .ok());

  auto sent = Send(sender_, "TR-1", {Line("TR-MILK", 12), Line("TR-SOAP", 5)});
  ASSERT_TRUE(sent.ok()) << sent.status();
  const v1::StockTransfer& t = sent->transfer();
  EXPECT_FALSE(sent->replayed());
  EXPECT_EQ(t.state(), v1::STOCK_TRANSFER_STATE_IN_TRANSIT);
  ASSERT_EQ(t.lines_size(), 2);
  // FEFO: all of the first lot, then 2 of the second, at the cost it left.
  ASSERT_EQ(t.lines(0).lots_size(), 2);
  EXPECT_EQ(t.lines(0).lots(0).lot_code(), "L1");
  EXPECT_EQ(t.lines(0).lots(0).quantity_milli(), 10000);
  EXPECT_EQ(t.lines(0).lots(1).lot_code(), "L2");
  EXPECT_EQ(t.lines(0).lots(1).quantity_milli(), 2000);
  EXPECT_EQ(t.lines(0).unit_cost().minor_units(), 5000);
  EXPECT_EQ(t.lines(0).in_transit_milli(), 12000);
  EXPECT_EQ(t.total_cost().minor_units(), 12 * 5000 + 5 * 3000);
  EXPECT_EQ(OnHand(kFrom, "TR-MILK"), milk_from - 12000);
  EXPECT_EQ(OnHand(kFrom, "TR-SOAP"), soap_from - 5000);
  EXPECT_EQ(OnHand(kTo, "TR-MILK"), 0);

  // Replayed by its id; the id with other content is refused.
  auto replay =
      Send(sender_, "TR-1", {Line("TR-MILK", 12), Line("TR-SOAP", 5)});
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_TRUE(replay->replayed());
  EXPECT_EQ(Send(sender_, "TR-1", {Line("TR-MILK", 11)}).status().reason(),
            "IDEMPOTENCY_KEY_REUSED");
  EXPECT_EQ(OnHand(kFrom, "TR-MILK"), milk_from - 12000);

  // In transit, seen from both ends; not by a third store.
  for (const auto& [token, store, direction] :
       std::vector<std::tuple<std::string, std::string, v1::TransferDirection>>{
           {sender_, kFrom, v1::TRANSFER_DIRECTION_OUTGOING},
           {receiver_, kTo, v1::TRANSFER_DIRECTION_INCOMING}}) {
    v1::ListStockTransfersRequest list;
    list.set_store_code(store);
    list.set_direction(direction);
    list.set_state(v1::STOCK_TRANSFER_STATE_IN_TRANSIT);
    auto page =
        StockControlClient(server_->Connect(token)).ListStockTransfers(list);
    ASSERT_TRUE(page.ok()) << page.status();
    ASSERT_EQ(page->transfers_size(), 1) << store;
    EXPECT_EQ(page->transfers(0).transfer_id(), "TR-1");
  }
  v1::GetStockTransferRequest get;
  get.set_from_store_code(kFrom);
  get.set_transfer_id("TR-1");
  EXPECT_TRUE(StockControlClient(server_->Connect(receiver_))
                  .GetStockTransfer(get)
                  .ok());
  EXPECT_EQ(StockControlClient(server_->Connect(other_))
                .GetStockTransfer(get)
                .status()
                .reason(),
            "TRANSFER_NOT_FOUND");
  // Ordering's projection counts it: 5 on the way, so 15 to reach 20.
  v1::SuggestOrdersRequest suggest;
  suggest.set_store_code(kTo);
  auto suggestion = PurchaseOrderClient(server_->Connect(to_manager_a_))
                        .SuggestOrders(suggest);
  ASSERT_TRUE(suggestion.ok()) << suggestion.status();
  bool seen = false;
  for (const auto& group : suggestion->groups()) {
    for (const auto& line : group.lines()) {
      if (line.sku() != "TR-SOAP") continue;
      seen = true;
      EXPECT_EQ(line.in_transit_milli(), 5000);
      EXPECT_EQ(line.projected_milli(), 5000);
    }
  }
  EXPECT_TRUE(seen) << suggestion->DebugString();

  // The sending store may not receive it; the receiving store does, once.
  v1::ReceiveStockTransferRequest wrong;
  wrong.set_to_store_code(kTo);
  wrong.set_from_store_code(kFrom);
  wrong.set_transfer_id("TR-1");
  EXPECT_EQ(StockControlClient(server_->Connect(sender_))
                .ReceiveStockTransfer(wrong)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  auto received = Receive(receiver_, "TR-1");
  ASSERT_TRUE(received.ok()) << received.status();
  EXPECT_FALSE(received->replayed());
  EXPECT_EQ(received->transfer().state(), v1::STOCK_TRANSFER_STATE_RECEIVED);
  EXPECT_EQ(received->transfer().lines(0).in_transit_milli(), 0);
  EXPECT_EQ(received->transfer().difference_cost().minor_units(), 0);
  EXPECT_EQ(OnHand(kTo, "TR-MILK"), 12000);
  EXPECT_EQ(OnHand(kTo, "TR-SOAP"), 5000);
  // Into lots of the same code and expiry, at the cost it travelled at.
  const std::string db = scratch_->config().database;
  EXPECT_EQ(scratch_->CountRows(
                "stock_lots l JOIN " + db +
                ".stores s ON s.id = l.store_id WHERE s.code = 'TB' AND "
                "l.lot_code = 'L1' AND l.expiry_date = '" +
                JakartaDayFromToday(30) + "' AND l.quantity_milli = 10000"),
            1);
  EXPECT_EQ(scratch_->CountRows(
                "stock_balances b JOIN " + db +
                ".stores s ON s.id = b.store_id JOIN " + db +
                ".products p ON p.id = b.product_id WHERE s.code = 'TB' AND "
                "p.sku = 'TR-MILK' AND b.average_unit_cost_minor = 5000"),
            1);

  // Received twice: the same receipt is a replay, another is refused, and
  // stock moved once.
  auto again = Receive(receiver_, "TR-1");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->replayed());
  auto named = Receive(to_manager_a_, "TR-1", {{1, 12, 0}, {2, 5, 0}});
  ASSERT_TRUE(named.ok()) << "every line named in full is the same receipt: "
                          << named.status();
  EXPECT_TRUE(named->replayed());
  auto other_receipt = Receive(to_manager_a_, "TR-1", {{1, 11, 0}, {2, 5, 0}});
  EXPECT_EQ(other_receipt.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(other_receipt.status().reason(), "TRANSFER_ALREADY_RECEIVED");
  EXPECT_EQ(OnHand(kTo, "TR-MILK"), 12000);
  ExpectCleanLedger();
}

TEST_F(StockTransferE2eTest, RefusesWhatCannotBeSentAndLeavesNothingBehind) {
  const std::int64_t soap = OnHand(kFrom, "TR-SOAP");
  auto too_much = Send(sender_, "TR-BAD-1", {Line("TR-SOAP", 100000)});
  EXPECT_EQ(too_much.status().reason(), "INSUFFICIENT_STOCK");
  EXPECT_EQ(
      Send(sender_, "TR-BAD-2", {Line("TR-SOAP", 1)}, kFrom).status().reason(),
      "TRANSFER_TO_SAME_STORE");
  EXPECT_EQ(Send(sender_, "TR-BAD-3",
                 {Line("TR-MILK", 1, "NOPE", JakartaDayFromToday(5))})
                .status()
                .reason(),
            "LOT_NOT_FOUND");
  EXPECT_EQ(Send(sender_, "TR-BAD-4", {Line("TR-SOAP", 0)}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Send(receiver_, "TR-BAD-5", {Line("TR-SOAP", 1)}).status().reason(),
            "STORE_OUT_OF_SCOPE");
  EXPECT_EQ(OnHand(kFrom, "TR-SOAP"), soap);
  EXPECT_EQ(scratch_->CountRows("stock_transfers WHERE transfer_id LIKE "
                                "'TR-BAD-%'"),
            0);
  ExpectCleanLedger();
}

TEST_F(StockTransferE2eTest, ExpiredStockLeavesOnlyWhenItsLotIsNamed) {
  // The sell-by margin grows to 40 days: lot L1 (30 days) is no longer
  // sellable, L2 (60 days) still is.
  auto margin = [&](int days) {
    v1::UpdateProductRequest r;
    r.mutable_product()->set_sku("TR-MILK");
    r.mutable_product()->set_sell_by_margin_days(days);
    r.mutable_update_mask()->add_paths("sell_by_margin_days");
    return CatalogClient(server_->Connect(head_office_)).UpdateProduct(r);
  };
  ASSERT_TRUE(margin(40).ok());
  const std::int64_t milk = OnHand(kFrom, "TR-MILK");
  ASSERT_GE(milk, 12000);
  EXPECT_EQ(Send(sender_, "TR-X1", {Line("TR-MILK", 12)}).status().reason(),
            "INSUFFICIENT_SELLABLE_STOCK")
      << "FEFO never sends expired stock as undated stock";
  auto sellable = Send(sender_, "TR-X2", {Line("TR-MILK", 2)});
  ASSERT_TRUE(sellable.ok()) << sellable.status();
  ASSERT_EQ(sellable->transfer().lines(0).lots_size(), 1);
  EXPECT_EQ(sellable->transfer().lines(0).lots(0).lot_code(), "L2");
  auto named = Send(sender_, "TR-X3",
                    {Line("TR-MILK", 3, "L1", JakartaDayFromToday(30))});
  ASSERT_TRUE(named.ok()) << named.status();
  EXPECT_EQ(named->transfer().lines(0).lots(0).lot_code(), "L1");
  EXPECT_EQ(OnHand(kFrom, "TR-MILK"), milk - 5000);
  ASSERT_TRUE(margin(0).ok());
  ExpectCleanLedger();
}

TEST_F(StockTransferE2eTest,
       AShortOrDamagedReceiptWaitsForAManagerWhoDidNotReceiveIt) {
  const std::int64_t soap_from = OnHand(kFrom, "TR-SOAP");
  const std::int64_t soap_to = OnHand(kTo, "TR-SOAP");
  ASSERT_TRUE(Send(sender_, "TR-D1", {Line("TR-SOAP", 10)}).ok());
  ASSERT_TRUE(Send(sender_, "TR-D2", {Line("TR-SOAP", 4)}).ok());
  EXPECT_EQ(Receive(receiver_, "TR-D1", {{1, 9, 2}}).status().reason(),
            "TRANSFER_OVER_RECEIVED");
  auto short_one = Receive(receiver_, "TR-D1", {{1, 7, 2}});
  ASSERT_TRUE(short_one.ok()) << short_one.status();
  const v1::StockTransfer& t = short_one->transfer();
  EXPECT_EQ(t.state(), v1::STOCK_TRANSFER_STATE_DIFFERENCE_OPEN);
  EXPECT_EQ(t.lines(0).received_milli(), 7000);
  EXPECT_EQ(t.lines(0).damaged_milli(), 2000);
  EXPECT_EQ(t.lines(0).in_transit_milli(), 3000);
  EXPECT_EQ(t.difference_cost().minor_units(), 3 * 3000);
  EXPECT_EQ(OnHand(kTo, "TR-SOAP"), soap_to + 7000);

  // The receiving store's inbox holds it.
  v1::ListApprovalsRequest inbox;
  inbox.set_store_code(kTo);
  auto waiting =
      ApprovalClient(server_->Connect(to_manager_b_)).ListApprovals(inbox);
  ASSERT_TRUE(waiting.ok()) << waiting.status();
  ASSERT_EQ(waiting->approvals_size(), 1);
  EXPECT_EQ(waiting->approvals(0).kind(),
            v1::APPROVAL_KIND_TRANSFER_DIFFERENCE);
  EXPECT_EQ(waiting->approvals(0).document_id(), "TA/TR-D1");
  EXPECT_EQ(waiting->approvals(0).amount().minor_units(), 9000);
  EXPECT_EQ(waiting->approvals(0).approve_with(),
            "StockControlService/ResolveStockTransfer");

  // Staff may not resolve; the receiver may not, whatever the role.
  EXPECT_EQ(Resolve(receiver_, "TR-D1", v1::TRANSFER_RESOLUTION_WRITE_OFF)
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  auto d2 = Receive(to_manager_a_, "TR-D2", {{1, 3, 0}});
  ASSERT_TRUE(d2.ok()) << d2.status();
  EXPECT_EQ(
      Resolve(to_manager_a_, "TR-D2", v1::TRANSFER_RESOLUTION_RETURN_TO_SENDER)
          .status()
          .reason(),
      "SELF_APPROVAL_FORBIDDEN");
  EXPECT_EQ(Resolve(from_manager_a_, "TR-D2",
                    v1::TRANSFER_RESOLUTION_RETURN_TO_SENDER)
                .status()
                .reason(),
            "STORE_OUT_OF_SCOPE");

  // A second manager decides: written off (nothing moves), or back to the
  // sender (its stock again).
  auto written_off =
      Resolve(to_manager_b_, "TR-D1", v1::TRANSFER_RESOLUTION_WRITE_OFF);
  ASSERT_TRUE(written_off.ok()) << written_off.status();
  EXPECT_EQ(written_off->transfer().state(), v1::STOCK_TRANSFER_STATE_RESOLVED);
  EXPECT_EQ(written_off->transfer().lines(0).in_transit_milli(), 0);
  EXPECT_TRUE(
      Resolve(to_manager_b_, "TR-D1", v1::TRANSFER_RESOLUTION_WRITE_OFF).ok())
      << "resolving again";
  EXPECT_EQ(Resolve(to_manager_b_, "TR-D1", v1::TRANSFER_RESOLUTION_ACCEPT)
                .status()
                .reason(),
            "TRANSFER_STATE_CONFLICT");
  v1::ResolveStockTransferRequest other_reason;
  other_reason.set_to_store_code(kTo);
  other_reason.set_from_store_code(kFrom);
  other_reason.set_transfer_id("TR-D1");
  other_reason.set_resolution(v1::TRANSFER_RESOLUTION_WRITE_OFF);
  other_reason.set_reason("another story");
  EXPECT_EQ(StockControlClient(server_->Connect(to_manager_b_))
                .ResolveStockTransfer(other_reason)
                .status()
                .reason(),
            "TRANSFER_STATE_CONFLICT");
  auto back =
      Resolve(to_manager_b_, "TR-D2", v1::TRANSFER_RESOLUTION_RETURN_TO_SENDER);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(OnHand(kFrom, "TR-SOAP"), soap_from - 10000 - 4000 + 1000);
  EXPECT_EQ(OnHand(kTo, "TR-SOAP"), soap_to + 7000 + 3000);
  auto after =
      ApprovalClient(server_->Connect(to_manager_b_)).ListApprovals(inbox);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->approvals_size(), 0);
  ExpectCleanLedger();
}

TEST_F(StockTransferE2eTest, TheCliSendsReceivesAndResolvesFromTheInbox) {
  const std::int64_t soap_to = OnHand(kTo, "TR-SOAP");
  std::string out, err;
  ASSERT_EQ(testing::RunCli(*server_, sender_,
                            {"transfer", "send", kFrom, kTo, "--line",
                             "TR-SOAP:3", "--id", "TR-CLI"},
                            &out, &err),
            0)
      << err;
  ASSERT_EQ(testing::RunCli(*server_, receiver_,
                            {"transfer", "list", kTo, "--direction", "incoming",
                             "--state", "in_transit", "-o", "csv"},
                            &out, &err),
            0)
      << err;
  EXPECT_NE(out.find("TR-CLI"), std::string::npos) << out;
  ASSERT_EQ(testing::RunCli(*server_, receiver_,
                            {"transfer", "receive", kTo, kFrom, "TR-CLI",
                             "--line", "1:2:1"},
                            &out, &err),
            0)
      << err;
  EXPECT_NE(err.find("waits for a manager who did not receive it"),
            std::string::npos)
      << err;
  // From the inbox: written off by a manager; a second receipt refused.
  ASSERT_EQ(testing::RunCli(*server_, to_manager_b_,
                            {"approvals", "approve", kTo, "--kind",
                             "transfer_difference", "TA/TR-CLI"},
                            &out, &err),
            0)
      << err;
  EXPECT_NE(testing::RunCli(*server_, receiver_,
                            {"transfer", "receive", kTo, kFrom, "TR-CLI"}, &out,
                            &err),
            0);
  EXPECT_NE(err.find("TRANSFER_ALREADY_RECEIVED"), std::string::npos) << err;
  EXPECT_EQ(OnHand(kTo, "TR-SOAP"), soap_to + 2000);
  ExpectCleanLedger();
}

TEST_F(StockTransferE2eTest, ServerKilledMidTransfersMovesEachOnce) {
  constexpr int kTransfers = 12;
  const std::int64_t from_start = OnHand(kFrom, "TR-SOAP");
  const std::int64_t to_start = OnHand(kTo, "TR-SOAP");
  StockControlClient sender(testing::RetryingConnection(*server_, sender_));
  StockControlClient receiver(testing::RetryingConnection(*server_, receiver_));
  auto run = [&](int i) -> Status {
    v1::SendStockTransferRequest send;
    send.set_from_store_code(kFrom);
    send.set_transfer_id("TR-K" + std::to_string(i));
    send.set_to_store_code(kTo);
    *send.add_lines() = Line("TR-SOAP", 2);
    if (auto s = sender.SendStockTransfer(send); !s.ok()) return s.status();
    v1::ReceiveStockTransferRequest receive;
    receive.set_to_store_code(kTo);
    receive.set_from_store_code(kFrom);
    receive.set_transfer_id(send.transfer_id());
    return receiver.ReceiveStockTransfer(receive).status();
  };
  testing::RunThroughAKill(*server_, kTransfers, 2, "transfer", run);
  for (int i = 1; i <= kTransfers; ++i) ASSERT_TRUE(run(i).ok()) << i;
  const std::string db = scratch_->config().database;
  EXPECT_EQ(scratch_->CountRows("stock_transfers WHERE transfer_id LIKE "
                                "'TR-K%' AND state = 'RECEIVED'"),
            kTransfers);
  EXPECT_EQ(scratch_->CountRows("stock_movements WHERE document_key LIKE "
                                "'TR-K%'"),
            2 * kTransfers);
  EXPECT_EQ(OnHand(kFrom, "TR-SOAP"), from_start - kTransfers * 2000);
  EXPECT_EQ(OnHand(kTo, "TR-SOAP"), to_start + kTransfers * 2000);
  ExpectCleanLedger();
}

TEST_F(StockTransferE2eTest, VerifyFindsEachBrokenTransferInvariant) {
  ASSERT_TRUE(Send(sender_, "TR-V", {Line("TR-SOAP", 6)}).ok());
  ASSERT_TRUE(Receive(receiver_, "TR-V", {{1, 5, 0}}).ok());
  ExpectCleanLedger();
  const std::string db = scratch_->config().database;
  auto expect_kind = [&](const std::string& what) {
    testing::ExpectViolation(*server_, head_office_, "TRANSFER_MISMATCH", what);
  };
  const std::string line = db + ".stock_transfer_lines l JOIN " + db +
                           ".stock_transfers t ON t.id = l.transfer_pk SET ";
  const std::string where = " WHERE t.transfer_id = 'TR-V'";
  // In transit no longer equals sent minus received.
  scratch_->Execute("UPDATE " + line +
                    "l.received_milli = l.received_milli + 1" + where);
  expect_kind("received more than moved in");
  scratch_->Execute("UPDATE " + line +
                    "l.received_milli = l.received_milli - 1" + where);
  ExpectCleanLedger();
  scratch_->Execute("UPDATE " + db +
                    ".stock_transfers SET difference_cost_minor = 0 WHERE "
                    "transfer_id = 'TR-V'");
  expect_kind("difference not at cost");
  scratch_->Execute("UPDATE " + db +
                    ".stock_transfers SET difference_cost_minor = 3000 WHERE "
                    "transfer_id = 'TR-V'");
  ExpectCleanLedger();
  // Resolved by its receiver.
  scratch_->Execute("UPDATE " + db +
                    ".stock_transfers SET state = 'RESOLVED', resolution = "
                    "'WRITE_OFF', resolved_by = received_by WHERE "
                    "transfer_id = 'TR-V'");
  scratch_->Execute("UPDATE " + line +
                    "l.resolved_milli = l.quantity_milli - l.received_milli" +
                    where);
  expect_kind("self-resolved");
  scratch_->Execute("UPDATE " + db +
                    ".stock_transfers SET resolved_by = 'tok_999999' WHERE "
                    "transfer_id = 'TR-V'");
  ExpectCleanLedger();
  // A movement of a transfer at the wrong store.
  scratch_->Execute("UPDATE " + db + ".stock_movements m JOIN " + db +
                    ".stores s ON s.code = 'TC' SET m.store_id = s.id WHERE "
                    "m.document_key = 'TR-V' AND m.reason = "
                    "'TRANSFER_RECEIVED'");
  expect_kind("received at another store");
}

}  // namespace
}  // namespace backoffice
