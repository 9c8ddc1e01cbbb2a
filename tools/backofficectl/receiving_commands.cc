// receive and receipt: one subcommand per GoodsReceiptService operation.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"

namespace backoffice::ctl {
namespace {

// "SKU=QTY[,key=value...]" with keys lot, expiry, rejected, reason and cost:
// 24,lot=L1,expiry=2027-03-01,rejected=2,reason=damaged,cost=14500.
StatusOr<v1::GoodsReceiptLineInput> ParseReceiptLine(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return Status(StatusCode::kInvalidArgument, "INVALID_LINE",
                  why +
                      ": a line is SKU=QUANTITY[,lot=L][,expiry=YYYY-MM-DD]"
                      "[,rejected=Q,reason=damaged|wrong_item|expired]"
                      "[,cost=UNIT_COST_MINOR]: " +
                      text);
  };
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) return bad("no quantity");
  v1::GoodsReceiptLineInput line;
  line.set_sku(text.substr(0, equals));
  std::vector<std::string> parts;
  std::string rest = text.substr(equals + 1);
  for (std::size_t start = 0;;) {
    const auto comma = rest.find(',', start);
    parts.push_back(rest.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  auto quantity = ParseMilli(parts[0]);
  if (!quantity.ok()) return quantity.status();
  line.set_received_milli(*quantity);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto eq = parts[i].find('=');
    if (eq == std::string::npos) return bad("'" + parts[i] + "' is not k=v");
    const std::string key = parts[i].substr(0, eq);
    const std::string value = parts[i].substr(eq + 1);
    if (key == "lot") {
      line.set_lot_code(value);
    } else if (key == "expiry") {
      line.set_expiry_date(value);
    } else if (key == "rejected") {
      auto rejected = ParseMilli(value);
      if (!rejected.ok()) return rejected.status();
      line.set_rejected_milli(*rejected);
    } else if (key == "reason") {
      v1::RejectReason reason;
      std::string upper;
      for (char c : value) upper += static_cast<char>(std::toupper(c));
      if (!v1::RejectReason_Parse("REJECT_REASON_" + upper, &reason) ||
          reason == v1::REJECT_REASON_UNSPECIFIED) {
        return bad("unknown reason '" + value + "'");
      }
      line.set_reject_reason(reason);
    } else if (key == "cost") {
      auto cost = ParseInt64(value);
      if (!cost.ok()) return cost.status();
      line.mutable_unit_cost()->set_minor_units(*cost);
    } else {
      return bad("unknown key '" + key + "'");
    }
  }
  return line;
}

struct ReceiptKey {
  std::string store;
  std::string receipt_id;
  std::string reason;
  std::string request_id;
};

void AddReceiveCommand(CLI::App& root, Action& selected) {
  struct Flags {
    std::string store;
    std::string receipt_id;
    std::string order_id;
    std::string supplier;
    std::string document;
    std::string note;
    bool request_approval = false;
    std::vector<v1::GoodsReceiptLineInput> lines;
    std::string request_id;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* app = root.add_subcommand(
      "receive",
      "record a delivery: against an order (posts at once), or without one "
      "(waits for a manager); the same --id again is a replay");
  app->add_option("--store", f->store, "the store's code")->required();
  app->add_option("--id", f->receipt_id,
                  "the receipt's id, chosen by you (A-Z a-z 0-9 - _)")
      ->required();
  app->add_option("--order", f->order_id, "the purchase order it fills");
  app->add_option("--supplier", f->supplier,
                  "the supplier's code (required without --order)");
  app->add_option("--document", f->document,
                  "the supplier's delivery note or invoice number");
  app->add_option("--note", f->note, "a free note");
  app->add_flag("--request-approval", f->request_approval,
                "ask a manager to approve more than ordered instead of "
                "refusing it");
  app->add_option_function<std::vector<std::string>>(
         "--line",
         [f](const std::vector<std::string>& texts) {
           for (const auto& text : texts) {
             auto line = ParseReceiptLine(text);
             if (!line.ok()) {
               throw CLI::ValidationError("--line", line.status().message());
             }
             f->lines.push_back(*line);
           }
         },
         "SKU=QTY[,lot=L][,expiry=YYYY-MM-DD][,rejected=Q,reason=damaged|"
         "wrong_item|expired][,cost=UNIT_COST_MINOR] (repeatable)")
      ->type_name("LINE")
      ->required();
  AddRequestIdFlag(app, f->request_id);
  SetAction(app, selected, [f](const Session& session) {
    v1::CreateGoodsReceiptRequest request;
    request.set_store_code(f->store);
    request.set_receipt_id(f->receipt_id);
    request.set_order_id(f->order_id);
    request.set_supplier_code(f->supplier);
    request.set_supplier_document(f->document);
    request.set_note(f->note);
    request.set_request_approval(f->request_approval);
    for (const auto& l : f->lines) *request.add_lines() = l;
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.goods_receipts().CreateGoodsReceipt(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: receipt " << f->receipt_id
                << " was recorded before with the same content\n";
    }
    v1::GetGoodsReceiptResponse entity;
    *entity.mutable_goods_receipt() = response->goods_receipt();
    return PrintResponse(
        session, StatusOr<v1::GetGoodsReceiptResponse>(std::move(entity)));
  });
}

void AddReceiptGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "receipt", "goods receipts: get, list, approve, reject");
  group->require_subcommand(1);

  auto add_key = [](CLI::App* app, ReceiptKey& key, bool change, bool reason) {
    app->add_option("--store", key.store, "the store's code")->required();
    app->add_option("--id", key.receipt_id, "the receipt's id")->required();
    if (change) AddRequestIdFlag(app, key.request_id);
    if (reason) {
      app->add_option("--reason", key.reason, "why")->required();
    }
  };

  auto get_key = std::make_shared<ReceiptKey>();
  CLI::App* get = group->add_subcommand("get", "show one receipt");
  add_key(get, *get_key, false, false);
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetGoodsReceiptRequest request;
    request.set_store_code(key->store);
    request.set_receipt_id(key->receipt_id);
    return PrintResponse(session,
                         session.goods_receipts().GetGoodsReceipt(request));
  });

  auto approve_key = std::make_shared<ReceiptKey>();
  CLI::App* approve = group->add_subcommand(
      "approve",
      "post a pending receipt (a manager or above who did not receive it)");
  add_key(approve, *approve_key, true, false);
  SetAction(approve, selected, [key = approve_key](const Session& session) {
    v1::ApproveGoodsReceiptRequest request;
    request.set_store_code(key->store);
    request.set_receipt_id(key->receipt_id);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.goods_receipts().ApproveGoodsReceipt(request));
  });

  auto reject_key = std::make_shared<ReceiptKey>();
  CLI::App* reject = group->add_subcommand(
      "reject", "refuse a pending receipt: nothing is posted");
  add_key(reject, *reject_key, true, true);
  SetAction(reject, selected, [key = reject_key](const Session& session) {
    v1::RejectGoodsReceiptRequest request;
    request.set_store_code(key->store);
    request.set_receipt_id(key->receipt_id);
    request.set_reason(key->reason);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.goods_receipts().RejectGoodsReceipt(request));
  });

  struct ListFlags {
    std::string store;
    std::optional<v1::GoodsReceiptState> state;
    std::string order_id;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "list a store's receipts by receipt id");
  list->add_option("--store", list_flags->store, "the store's code")
      ->required();
  AddEnumFlag(list, "--state", list_flags->state,
              *v1::GoodsReceiptState_descriptor(), "GOODS_RECEIPT_STATE_",
              "only receipts in this state (any case)");
  list->add_option("--order", list_flags->order_id,
                   "only the receipts of this order");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListGoodsReceiptsRequest request;
    request.set_store_code(f->store);
    request.set_state(f->state.value_or(v1::GOODS_RECEIPT_STATE_UNSPECIFIED));
    request.set_order_id(f->order_id);
    GoodsReceiptClient client = session.goods_receipts();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return client.ListGoodsReceipts(r);
    });
  });
}

}  // namespace

void AddReceivingCommands(CLI::App& app, Action& selected) {
  AddReceiveCommand(app, selected);
  AddReceiptGroup(app, selected);
}

}  // namespace backoffice::ctl
