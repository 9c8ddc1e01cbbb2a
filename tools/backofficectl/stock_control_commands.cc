// stock expiring, stock slow and supplier-return: the StockControlService
// operations. Tables print money as the currency writes it and quantities
// in thousandths (*_milli); --output json|csv keeps the exact integers.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"

namespace backoffice::ctl {
namespace {

// --lot SKU:LOT:EXPIRY:QUANTITY[:REASON], one lot to send back; LOT and
// EXPIRY may be empty (the lot recorded without them), QUANTITY is in the
// product's unit (2.5), REASON one of the return reasons (default
// expired).
StatusOr<v1::SupplierReturnLineInput> ParseReturnLot(const std::string& text) {
  std::vector<std::string> parts;
  std::string::size_type start = 0;
  while (true) {
    const auto colon = text.find(':', start);
    parts.push_back(text.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() < 4 || parts.size() > 5 || parts[0].empty()) {
    return Status(StatusCode::kInvalidArgument, "INVALID_LOT",
                  "'" + text + "' is not SKU:LOT:EXPIRY:QUANTITY[:REASON]");
  }
  v1::SupplierReturnLineInput line;
  line.set_sku(parts[0]);
  line.set_lot_code(parts[1]);
  if (!parts[2].empty()) {
    auto day = ParseDate(parts[2]);
    if (!day.ok()) return day.status();
    line.set_expiry_date(*day);
  }
  auto quantity = ParseMilli(parts[3]);
  if (!quantity.ok()) return quantity.status();
  line.set_quantity_milli(*quantity);
  auto reason = ParseEnumName(*v1::ReturnReason_descriptor(), "RETURN_REASON_",
                              parts.size() == 5 ? parts[4] : "expired");
  if (!reason.ok()) return reason.status();
  line.set_reason(static_cast<v1::ReturnReason>(*reason));
  return line;
}

void AddStockControlReads(CLI::App& root, Action& selected) {
  CLI::App* stock = root.get_subcommand("stock");

  struct ExpiringFlags {
    std::string store;
    std::optional<std::int32_t> within;
    bool expired = false;
    PageFlags page;
  };
  auto expiring_flags = std::make_shared<ExpiringFlags>();
  CLI::App* expiring = stock->add_subcommand(
      "expiring",
      "lots whose sellable-until day (expiry minus the product's sell-by "
      "margin, the rule FEFO uses) is within N days, or past (--expired), "
      "with value at cost and a suggested action; without a store (head "
      "office) every store");
  expiring->add_option("store", expiring_flags->store,
                       "the store's code (default: every store)");
  AddInt32Flag(expiring, "--within", expiring_flags->within,
               "days ahead, 1-365 (default 7)");
  expiring->add_flag("--expired", expiring_flags->expired,
                     "the lots already past their sellable-until day");
  AddPageFlags(expiring, expiring_flags->page);
  SetAction(expiring, selected, [f = expiring_flags](const Session& session) {
    v1::ListExpiringLotsRequest request;
    request.set_store_code(f->store);
    request.set_within_days(f->within.value_or(0));
    request.set_expired(f->expired);
    StockControlClient client = session.stock_control();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListExpiringLots(r); });
  });

  struct SlowFlags {
    std::string store;
    std::optional<std::int32_t> cover_days;
    std::optional<std::int32_t> idle_days;
    std::optional<std::int32_t> window_days;
    PageFlags page;
  };
  auto slow_flags = std::make_shared<SlowFlags>();
  CLI::App* slow = stock->add_subcommand(
      "slow",
      "products whose stock covers more than N days of demand, or that sold "
      "nothing for N days, most value tied up first, from the daily demand "
      "rollup; without a store (head office) every store");
  slow->add_option("store", slow_flags->store,
                   "the store's code (default: every store)");
  AddInt32Flag(slow, "--cover-days", slow_flags->cover_days,
               "stock covering more than this many days (default 60)");
  AddInt32Flag(slow, "--idle-days", slow_flags->idle_days,
               "or no sale for this many days (default 30)");
  AddInt32Flag(slow, "--window-days", slow_flags->window_days,
               "the demand window ending yesterday (default 28)");
  AddPageFlags(slow, slow_flags->page);
  SetAction(slow, selected, [f = slow_flags](const Session& session) {
    v1::ListSlowMoversRequest request;
    request.set_store_code(f->store);
    request.set_cover_days(f->cover_days.value_or(0));
    request.set_idle_days(f->idle_days.value_or(0));
    request.set_window_days(f->window_days.value_or(0));
    StockControlClient client = session.stock_control();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListSlowMovers(r); });
  });
}

// The store and the return's id, as approve, reject, ship and get take
// them.
struct ReturnKey {
  std::string store;
  std::string return_id;
  std::string reason;
  std::string request_id;
};

void AddReturnKey(CLI::App* app, ReturnKey& key) {
  app->add_option("store", key.store, "the store's code")->required();
  app->add_option("return_id", key.return_id, "the return's id")->required();
}

void AddSupplierReturnGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "supplier-return",
      "lots sent back to their supplier: create (a draft), approve (a "
      "second person), ship (out of stock, with a credit note), reject, "
      "get, list");
  group->require_subcommand(1);

  struct CreateFlags {
    std::string store;
    std::string supplier;
    std::vector<v1::SupplierReturnLineInput> lots;
    bool exchange = false;
    std::string note;
    std::string return_id;
    std::string request_id;
  };
  auto create_flags = std::make_shared<CreateFlags>();
  CLI::App* create = group->add_subcommand(
      "create",
      "draft a return of lots to their supplier; the same --id again is a "
      "replay");
  create->add_option("store", create_flags->store, "the store's code")
      ->required();
  create
      ->add_option("--supplier", create_flags->supplier, "the supplier's code")
      ->required();
  create
      ->add_option_function<std::vector<std::string>>(
          "--lot",
          [f = create_flags.get()](const std::vector<std::string>& texts) {
            for (const auto& text : texts) {
              auto line = ParseReturnLot(text);
              if (!line.ok()) {
                throw CLI::ValidationError("--lot", line.status().message());
              }
              f->lots.push_back(*line);
            }
          },
          "a lot to send back (repeatable): SKU:LOT:EXPIRY:QUANTITY[:REASON], "
          "REASON one of " +
              EnumChoices(*v1::ReturnReason_descriptor(), "RETURN_REASON_") +
              " (default expired)")
      ->type_name("SKU:LOT:EXPIRY:QTY[:REASON]")
      ->required();
  create->add_flag("--exchange", create_flags->exchange,
                   "the supplier sends the same goods back instead of a "
                   "credit note");
  create->add_option("--note", create_flags->note, "a note, 0-500 characters");
  create->add_option("--id", create_flags->return_id,
                     "the return's id, chosen by you (A-Z a-z 0-9 - _; "
                     "default: a new random id, printed in the result)");
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(create, selected, [f = create_flags](const Session& session) {
    v1::CreateSupplierReturnRequest request;
    request.set_store_code(f->store);
    request.set_return_id(f->return_id.empty() ? RandomId("ret-")
                                               : f->return_id);
    request.set_supplier_code(f->supplier);
    request.set_settlement(f->exchange ? v1::RETURN_SETTLEMENT_EXCHANGE
                                       : v1::RETURN_SETTLEMENT_CREDIT_NOTE);
    for (const auto& lot : f->lots) *request.add_lines() = lot;
    request.set_note(f->note);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.stock_control().CreateSupplierReturn(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: return " << request.return_id()
                << " was drafted before with the same content\n";
    }
    std::cerr << "backofficectl: return " << request.return_id()
              << " waits for a manager who did not draft it: backofficectl "
                 "supplier-return approve "
              << request.store_code() << " " << request.return_id() << "\n";
    return PrintResponse(session, response);
  });

  auto approve_key = std::make_shared<ReturnKey>();
  CLI::App* approve = group->add_subcommand(
      "approve", "approve a drafted return (a manager who did not draft it)");
  AddReturnKey(approve, *approve_key);
  AddRequestIdFlag(approve, approve_key->request_id);
  SetAction(approve, selected, [key = approve_key](const Session& session) {
    v1::ApproveSupplierReturnRequest request;
    request.set_store_code(key->store);
    request.set_return_id(key->return_id);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(
        session, session.stock_control().ApproveSupplierReturn(request));
  });

  auto reject_key = std::make_shared<ReturnKey>();
  CLI::App* reject = group->add_subcommand(
      "reject", "refuse a return with a reason: nothing moves");
  AddReturnKey(reject, *reject_key);
  reject->add_option("--reason", reject_key->reason, "why, 1-500 characters")
      ->required();
  AddRequestIdFlag(reject, reject_key->request_id);
  SetAction(reject, selected, [key = reject_key](const Session& session) {
    v1::RejectSupplierReturnRequest request;
    request.set_store_code(key->store);
    request.set_return_id(key->return_id);
    request.set_reason(key->reason);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.stock_control().RejectSupplierReturn(request));
  });

  auto ship_key = std::make_shared<ReturnKey>();
  CLI::App* ship = group->add_subcommand(
      "ship",
      "ship an approved return: its lots leave stock at their cost and the "
      "supplier's credit note is posted");
  AddReturnKey(ship, *ship_key);
  AddRequestIdFlag(ship, ship_key->request_id);
  SetAction(ship, selected, [key = ship_key](const Session& session) {
    v1::ShipSupplierReturnRequest request;
    request.set_store_code(key->store);
    request.set_return_id(key->return_id);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.stock_control().ShipSupplierReturn(request));
  });

  auto get_key = std::make_shared<ReturnKey>();
  CLI::App* get = group->add_subcommand("get", "show one return");
  AddReturnKey(get, *get_key);
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetSupplierReturnRequest request;
    request.set_store_code(key->store);
    request.set_return_id(key->return_id);
    return PrintResponse(session,
                         session.stock_control().GetSupplierReturn(request));
  });

  struct ListFlags {
    std::string store;
    std::optional<v1::SupplierReturnState> state;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "a store's returns, newest first");
  list->add_option("store", list_flags->store, "the store's code")->required();
  AddEnumFlag(list, "--state", list_flags->state,
              *v1::SupplierReturnState_descriptor(), "SUPPLIER_RETURN_STATE_",
              "only the returns in this state");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListSupplierReturnsRequest request;
    request.set_store_code(f->store);
    request.set_state(f->state.value_or(v1::SUPPLIER_RETURN_STATE_UNSPECIFIED));
    StockControlClient client = session.stock_control();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return client.ListSupplierReturns(r);
    });
  });
}

}  // namespace

void AddStockControlCommands(CLI::App& app, Action& selected) {
  AddStockControlReads(app, selected);
  AddSupplierReturnGroup(app, selected);
}

}  // namespace backoffice::ctl
