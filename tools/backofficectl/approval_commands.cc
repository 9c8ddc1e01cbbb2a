// approvals list|approve|reject: the one inbox of what waits for a second
// person. Approving or rejecting from it calls the owning module's RPC, the
// same audited action as its own command.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "commands.h"

namespace backoffice::ctl {
namespace {

struct DecisionFlags {
  std::string store;
  std::optional<v1::ApprovalKind> kind;
  std::string document_id;
  std::string reason;
  std::string request_id;
};

void AddDecisionFlags(CLI::App* app, DecisionFlags& f, bool reason_required) {
  app->add_option("store", f.store, "the store's code")->required();
  AddEnumFlag(app, "--kind", f.kind, *v1::ApprovalKind_descriptor(),
              "APPROVAL_KIND_", "what it is, as `approvals list` shows it")
      ->required();
  app->add_option("document_id", f.document_id,
                  "the document's id, as `approvals list` shows it")
      ->required();
  auto* reason = app->add_option(
      "--reason", f.reason,
      reason_required ? "why, 1-500 characters"
                      : "why (required for a credit override), 1-500 "
                        "characters");
  if (reason_required) reason->required();
  AddRequestIdFlag(app, f.request_id);
}

// A purchase order is decided at its current version.
StatusOr<std::string> CurrentEtag(const Session& session,
                                  const DecisionFlags& f) {
  v1::GetPurchaseOrderRequest get;
  get.set_store_code(f.store);
  get.set_order_id(f.document_id);
  auto order = session.purchase_orders().GetPurchaseOrder(get);
  if (!order.ok()) return order.status();
  return order->purchase_order().etag();
}

int Decide(const Session& session, const DecisionFlags& f, bool approve) {
  const std::string request_id = RequestIdOrNew(f.request_id);
  switch (f.kind.value_or(v1::APPROVAL_KIND_UNSPECIFIED)) {
    case v1::APPROVAL_KIND_PURCHASE_ORDER: {
      auto etag = CurrentEtag(session, f);
      if (!etag.ok()) return Fail(etag.status());
      if (approve) {
        v1::ApprovePurchaseOrderRequest r;
        r.set_store_code(f.store);
        r.set_order_id(f.document_id);
        r.set_etag(*etag);
        r.set_request_id(request_id);
        return PrintResponse(session,
                             session.purchase_orders().ApprovePurchaseOrder(r));
      }
      v1::RejectPurchaseOrderRequest r;
      r.set_store_code(f.store);
      r.set_order_id(f.document_id);
      r.set_etag(*etag);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session,
                           session.purchase_orders().RejectPurchaseOrder(r));
    }
    case v1::APPROVAL_KIND_GOODS_RECEIPT: {
      if (approve) {
        v1::ApproveGoodsReceiptRequest r;
        r.set_store_code(f.store);
        r.set_receipt_id(f.document_id);
        r.set_request_id(request_id);
        return PrintResponse(session,
                             session.goods_receipts().ApproveGoodsReceipt(r));
      }
      v1::RejectGoodsReceiptRequest r;
      r.set_store_code(f.store);
      r.set_receipt_id(f.document_id);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session,
                           session.goods_receipts().RejectGoodsReceipt(r));
    }
    case v1::APPROVAL_KIND_CREDIT_OVERRIDE: {
      if (!approve) {
        return Fail(Status(StatusCode::kInvalidArgument, "NOTHING_TO_REJECT",
                           "a refused hold stays refused and expires; only "
                           "an override is a decision"));
      }
      v1::OverrideCreditAuthorizationRequest r;
      r.set_store_code(f.store);
      r.set_authorization_id(f.document_id);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session,
                           session.credit().OverrideCreditAuthorization(r));
    }
    case v1::APPROVAL_KIND_SUPPLIER_PAYMENT:
    case v1::APPROVAL_KIND_CUSTOMER_WRITE_OFF: {
      const v1::LedgerRequestType type =
          *f.kind == v1::APPROVAL_KIND_CUSTOMER_WRITE_OFF
              ? v1::LEDGER_REQUEST_TYPE_WRITE_OFF
              : v1::LEDGER_REQUEST_TYPE_SUPPLIER_PAYMENT;
      if (approve) {
        v1::ApproveLedgerRequestRequest r;
        r.set_store_code(f.store);
        r.set_ledger_request_id(f.document_id);
        r.set_type(type);
        r.set_request_id(request_id);
        return PrintResponse(session, session.credit().ApproveLedgerRequest(r));
      }
      v1::RejectLedgerRequestRequest r;
      r.set_store_code(f.store);
      r.set_ledger_request_id(f.document_id);
      r.set_type(type);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session, session.credit().RejectLedgerRequest(r));
    }
    case v1::APPROVAL_KIND_PAYMENT_RUN: {
      if (approve) {
        v1::ApprovePaymentRunRequest r;
        r.set_store_code(f.store);
        r.set_payment_run_id(f.document_id);
        r.set_request_id(request_id);
        return PrintResponse(session, session.credit().ApprovePaymentRun(r));
      }
      v1::RejectPaymentRunRequest r;
      r.set_store_code(f.store);
      r.set_payment_run_id(f.document_id);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session, session.credit().RejectPaymentRun(r));
    }
    case v1::APPROVAL_KIND_SUPPLIER_RETURN: {
      if (approve) {
        v1::ApproveSupplierReturnRequest r;
        r.set_store_code(f.store);
        r.set_return_id(f.document_id);
        r.set_request_id(request_id);
        return PrintResponse(session,
                             session.stock_control().ApproveSupplierReturn(r));
      }
      v1::RejectSupplierReturnRequest r;
      r.set_store_code(f.store);
      r.set_return_id(f.document_id);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session,
                           session.stock_control().RejectSupplierReturn(r));
    }
    case v1::APPROVAL_KIND_STOCK_WRITE_OFF: {
      if (approve) {
        v1::ApproveStockAdjustmentRequest r;
        r.set_store_code(f.store);
        r.set_adjustment_id(f.document_id);
        r.set_request_id(request_id);
        return PrintResponse(session,
                             session.inventory().ApproveStockAdjustment(r));
      }
      v1::RejectStockAdjustmentRequest r;
      r.set_store_code(f.store);
      r.set_adjustment_id(f.document_id);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session,
                           session.inventory().RejectStockAdjustment(r));
    }
    case v1::APPROVAL_KIND_TRANSFER_DIFFERENCE: {
      // "<sending store>/<transfer id>", as the inbox shows it.
      const auto slash = f.document_id.find('/');
      if (slash == std::string::npos) {
        return Fail(Status(StatusCode::kInvalidArgument, "INVALID_DOCUMENT_ID",
                           "a transfer is FROM_STORE/TRANSFER_ID"));
      }
      if (!approve) {
        return Fail(Status(StatusCode::kInvalidArgument, "NOTHING_TO_REJECT",
                           "a difference is resolved, not rejected: approve "
                           "writes it off; `transfer resolve` also returns it "
                           "to the sender or accepts it"));
      }
      v1::ResolveStockTransferRequest r;
      r.set_to_store_code(f.store);
      r.set_from_store_code(f.document_id.substr(0, slash));
      r.set_transfer_id(f.document_id.substr(slash + 1));
      r.set_resolution(v1::TRANSFER_RESOLUTION_WRITE_OFF);
      r.set_reason(f.reason.empty() ? "written off from the inbox" : f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session,
                           session.stock_control().ResolveStockTransfer(r));
    }
    case v1::APPROVAL_KIND_STOCK_COUNT: {
      if (approve) {
        v1::ApproveStockCountRequest r;
        r.set_store_code(f.store);
        r.set_count_id(f.document_id);
        r.set_request_id(request_id);
        return PrintResponse(session,
                             session.stock_control().ApproveStockCount(r));
      }
      v1::RejectStockCountRequest r;
      r.set_store_code(f.store);
      r.set_count_id(f.document_id);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session,
                           session.stock_control().RejectStockCount(r));
    }
    case v1::APPROVAL_KIND_TILL_VARIANCE: {
      if (!approve) {
        return Fail(Status(StatusCode::kInvalidArgument, "NOTHING_TO_REJECT",
                           "a till's count stands; a variance is accepted "
                           "with a reason"));
      }
      v1::AcceptTillVarianceRequest r;
      r.set_store_code(f.store);
      r.set_session_id(f.document_id);
      r.set_reason(f.reason);
      r.set_request_id(request_id);
      return PrintResponse(session, session.closing().AcceptTillVariance(r));
    }
    default:
      return Fail(Status(StatusCode::kInvalidArgument, "INVALID_CHOICE",
                         "--kind is required"));
  }
}

}  // namespace

void AddApprovalCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "approvals",
      "the one inbox of what waits for a second person in a store: list, "
      "approve, reject (each calls the owning module's own decision)");
  group->require_subcommand(1);

  struct ListFlags {
    std::string store;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand(
      "list",
      "what waits, oldest first: who asked, what, how much, since when; "
      "without a store (head office) every store");
  list->add_option("store", list_flags->store,
                   "the store's code (default: every store)");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListApprovalsRequest request;
    request.set_store_code(f->store);
    ApprovalClient client = session.approvals();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListApprovals(r); });
  });

  auto approve_flags = std::make_shared<DecisionFlags>();
  CLI::App* approve = group->add_subcommand(
      "approve", "approve an item of the inbox (never your own)");
  AddDecisionFlags(approve, *approve_flags, /*reason_required=*/false);
  SetAction(approve, selected, [f = approve_flags](const Session& session) {
    return Decide(session, *f, /*approve=*/true);
  });

  auto reject_flags = std::make_shared<DecisionFlags>();
  CLI::App* reject = group->add_subcommand(
      "reject", "refuse an item of the inbox with a reason");
  AddDecisionFlags(reject, *reject_flags, /*reason_required=*/true);
  SetAction(reject, selected, [f = reject_flags](const Session& session) {
    return Decide(session, *f, /*approve=*/false);
  });
}

}  // namespace backoffice::ctl
