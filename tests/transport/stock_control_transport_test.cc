// Stock control's mapping: the wire enums keep the domain's numbering, so
// every domain value reaches the wire as the value of the same name.
#include <gtest/gtest.h>

#include "stockcontrol/transport/stock_control_mapping.h"
#include "stockcontrol/transport/transfer_count_mapping.h"

namespace backoffice::transport {
namespace {

TEST(StockControlMappingTest, EveryDomainValueKeepsItsNameOnTheWire) {
  const std::vector<std::pair<domain::ExpiryAction, v1::ExpiryAction>> actions =
      {{domain::ExpiryAction::kSellFirst, v1::EXPIRY_ACTION_SELL_FIRST},
       {domain::ExpiryAction::kDiscount, v1::EXPIRY_ACTION_DISCOUNT},
       {domain::ExpiryAction::kReturnToSupplier,
        v1::EXPIRY_ACTION_RETURN_TO_SUPPLIER},
       {domain::ExpiryAction::kWriteOff, v1::EXPIRY_ACTION_WRITE_OFF}};
  for (const auto& [value, wire] : actions) {
    domain::ExpiringLot lot;
    lot.action = value;
    v1::ExpiringLot out;
    ToProto(lot, &out);
    EXPECT_EQ(out.suggested_action(), wire);
  }
  for (const auto& [value, wire] :
       std::vector<std::pair<domain::SlowMoverReason, v1::SlowMoverReason>>{
           {domain::SlowMoverReason::kNoSales, v1::SLOW_MOVER_REASON_NO_SALES},
           {domain::SlowMoverReason::kCoverExceeded,
            v1::SLOW_MOVER_REASON_COVER_EXCEEDED}}) {
    domain::SlowMover mover;
    mover.reason = value;
    v1::SlowMover out;
    ToProto(mover, &out);
    EXPECT_EQ(out.reason(), wire);
  }
  const std::vector<
      std::pair<domain::SupplierReturnState, v1::SupplierReturnState>>
      states = {{domain::SupplierReturnState::kDraft,
                 v1::SUPPLIER_RETURN_STATE_DRAFT},
                {domain::SupplierReturnState::kApproved,
                 v1::SUPPLIER_RETURN_STATE_APPROVED},
                {domain::SupplierReturnState::kShipped,
                 v1::SUPPLIER_RETURN_STATE_SHIPPED},
                {domain::SupplierReturnState::kRejected,
                 v1::SUPPLIER_RETURN_STATE_REJECTED}};
  for (const auto& [value, wire] : states) {
    domain::SupplierReturn r;
    r.state = value;
    r.settlement = domain::ReturnSettlement::kExchange;
    r.lines.push_back({});
    r.lines[0].reason = domain::ReturnReason::kRecall;
    v1::SupplierReturn out;
    ToProto(r, &out);
    EXPECT_EQ(out.state(), wire);
    EXPECT_EQ(FromProto(wire), value);
    EXPECT_EQ(out.settlement(), v1::RETURN_SETTLEMENT_EXCHANGE);
    EXPECT_EQ(out.lines(0).reason(), v1::RETURN_REASON_RECALL);
  }
  v1::CreateSupplierReturnRequest request;
  request.add_lines()->set_reason(v1::RETURN_REASON_NEAR_EXPIRY);
  request.set_settlement(v1::RETURN_SETTLEMENT_CREDIT_NOTE);
  const domain::NewSupplierReturn in = FromProto(request);
  EXPECT_EQ(in.lines[0].reason, domain::ReturnReason::kNearExpiry);
  EXPECT_EQ(in.settlement, domain::ReturnSettlement::kCreditNote);
}

TEST(TransferCountMappingTest, EveryDomainValueKeepsItsNameOnTheWire) {
  for (const auto& [value, wire] :
       std::vector<std::pair<domain::TransferState, v1::StockTransferState>>{
           {domain::TransferState::kInTransit,
            v1::STOCK_TRANSFER_STATE_IN_TRANSIT},
           {domain::TransferState::kReceived,
            v1::STOCK_TRANSFER_STATE_RECEIVED},
           {domain::TransferState::kDifferenceOpen,
            v1::STOCK_TRANSFER_STATE_DIFFERENCE_OPEN},
           {domain::TransferState::kResolved,
            v1::STOCK_TRANSFER_STATE_RESOLVED}}) {
    domain::StockTransfer t;
    t.state = value;
    v1::StockTransfer out;
    ToProto(t, &out);
    EXPECT_EQ(out.state(), wire);
    EXPECT_EQ(FromProto(wire), value);
  }
  for (const auto& [value, wire] : std::vector<
           std::pair<domain::TransferResolution, v1::TransferResolution>>{
           {domain::TransferResolution::kWriteOff,
            v1::TRANSFER_RESOLUTION_WRITE_OFF},
           {domain::TransferResolution::kReturnToSender,
            v1::TRANSFER_RESOLUTION_RETURN_TO_SENDER},
           {domain::TransferResolution::kAccept,
            v1::TRANSFER_RESOLUTION_ACCEPT}}) {
    domain::StockTransfer t;
    t.resolution = value;
    v1::StockTransfer out;
    ToProto(t, &out);
    EXPECT_EQ(out.resolution(), wire);
    EXPECT_EQ(FromProto(wire), value);
  }
  EXPECT_EQ(FromProto(v1::TRANSFER_DIRECTION_OUTGOING),
            domain::TransferDirection::kOutgoing);
  EXPECT_EQ(FromProto(v1::TRANSFER_DIRECTION_INCOMING),
            domain::TransferDirection::kIncoming);
  EXPECT_EQ(FromProto(static_cast<v1::TransferResolution>(99)),
            domain::TransferResolution::kUnspecified);
  for (const auto& [value, wire] :
       std::vector<std::pair<domain::CountState, v1::StockCountState>>{
           {domain::CountState::kOpen, v1::STOCK_COUNT_STATE_OPEN},
           {domain::CountState::kPendingApproval,
            v1::STOCK_COUNT_STATE_PENDING_APPROVAL},
           {domain::CountState::kPosted, v1::STOCK_COUNT_STATE_POSTED},
           {domain::CountState::kCancelled, v1::STOCK_COUNT_STATE_CANCELLED}}) {
    domain::StockCount c;
    c.state = value;
    v1::StockCount out;
    ToProto(c, &out);
    EXPECT_EQ(out.state(), wire);
    EXPECT_EQ(FromProto(wire), value);
  }
  for (const auto& [value, wire] : std::vector<
           std::pair<domain::CountApprovalLevel, v1::CountApprovalLevel>>{
           {domain::CountApprovalLevel::kNone, v1::COUNT_APPROVAL_LEVEL_NONE},
           {domain::CountApprovalLevel::kManager,
            v1::COUNT_APPROVAL_LEVEL_MANAGER},
           {domain::CountApprovalLevel::kHeadOffice,
            v1::COUNT_APPROVAL_LEVEL_HEAD_OFFICE}}) {
    domain::StockCount c;
    c.approval_level = value;
    v1::StockCount out;
    ToProto(c, &out);
    EXPECT_EQ(out.approval_level(), wire);
  }
}

}  // namespace
}  // namespace backoffice::transport
