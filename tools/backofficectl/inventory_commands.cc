// stock and verify: one subcommand per InventoryService and
// ReconciliationService operation.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"

namespace backoffice::ctl {
namespace {

using google::protobuf::Timestamp;

// --- stock ---

struct AdjustFlags {
  std::string store;
  std::string sku;
  std::optional<std::int64_t> quantity_milli;
  std::optional<v1::AdjustmentReason> reason;
  std::string note;
  std::string adjustment_id;
};

void AddStockCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "stock",
      "stock of products in stores: get, list, movements, adjust. Tables "
      "print quantities in the product's unit (60 pcs, 1.250 kg); --output "
      "json|csv keeps the exact thousandths (*_milli: 1500 is 1.5)");
  group->require_subcommand(1);
  const std::string store_help = "the store's code";
  const std::string sku_help = "the product's SKU";

  struct StockKey {
    std::string store;
    std::string sku;
  };
  auto get_key = std::make_shared<StockKey>();
  CLI::App* get =
      group->add_subcommand("get", "show one product's stock in a store");
  get->add_option("--store", get_key->store, store_help)->required();
  get->add_option("--sku", get_key->sku, sku_help)->required();
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetStockLevelRequest request;
    request.set_store_code(key->store);
    request.set_sku(key->sku);
    return PrintResponse(session, session.inventory().GetStockLevel(request));
  });

  struct ListFlags {
    std::string store;
    bool reorder = false;
    bool negative = false;
    std::string sku;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "list the stock of a store by SKU");
  list->add_option("--store", list_flags->store, store_help)->required();
  list->add_flag("--reorder", list_flags->reorder,
                 "only products at or below their reorder point");
  list->add_flag("--negative", list_flags->negative,
                 "only products with negative stock (exceptions to "
                 "investigate)");
  list->add_option("--sku", list_flags->sku, "only this product");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListStockLevelsRequest request;
    request.set_store_code(f->store);
    request.set_at_or_below_reorder_point(f->reorder);
    request.set_negative_only(f->negative);
    request.set_sku(f->sku);
    InventoryClient inventory = session.inventory();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return inventory.ListStockLevels(r);
    });
  });

  struct MovementFlags {
    std::string store;
    std::string sku;
    std::optional<v1::MovementType> type;
    std::optional<Timestamp> since;
    std::optional<Timestamp> until;
    PageFlags page;
  };
  auto movement_flags = std::make_shared<MovementFlags>();
  CLI::App* movements = group->add_subcommand(
      "movements", "list the stock movements of a store, newest first");
  movements->add_option("--store", movement_flags->store, store_help)
      ->required();
  movements->add_option("--sku", movement_flags->sku,
                        "only movements of this product");
  AddEnumFlag(movements, "--type", movement_flags->type,
              *v1::MovementType_descriptor(), "MOVEMENT_TYPE_",
              "only movements of this type (any case)");
  AddParsedFlag(movements, "--since", movement_flags->since, ParseTimestamp,
                "only movements at or after this RFC 3339 business time",
                "TIME");
  AddParsedFlag(movements, "--until", movement_flags->until, ParseTimestamp,
                "only movements before this RFC 3339 business time", "TIME");
  AddPageFlags(movements, movement_flags->page);
  SetAction(movements, selected, [f = movement_flags](const Session& session) {
    v1::ListStockMovementsRequest request;
    request.set_store_code(f->store);
    request.set_sku(f->sku);
    request.set_type(f->type.value_or(v1::MOVEMENT_TYPE_UNSPECIFIED));
    if (f->since) *request.mutable_start_time() = *f->since;
    if (f->until) *request.mutable_end_time() = *f->until;
    InventoryClient inventory = session.inventory();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return inventory.ListStockMovements(r);
    });
  });

  auto adjust_flags = std::make_shared<AdjustFlags>();
  CLI::App* adjust = group->add_subcommand(
      "adjust",
      "change a product's stock in a store by a signed quantity, with a "
      "reason (store staff and up)");
  adjust->add_option("--store", adjust_flags->store, store_help)->required();
  adjust->add_option("--sku", adjust_flags->sku, sku_help)->required();
  AddMilliFlag(adjust, "--quantity", adjust_flags->quantity_milli,
               "the signed change, a decimal with up to 3 places: -2 takes "
               "two away, 1.5 adds one and a half")
      ->required();
  AddEnumFlag(adjust, "--reason", adjust_flags->reason,
              *v1::AdjustmentReason_descriptor(), "ADJUSTMENT_REASON_",
              "why (any case)")
      ->required();
  adjust->add_option("--note", adjust_flags->note,
                     "a note, up to 500 characters; required with --reason "
                     "OTHER");
  adjust->add_option(
      "--adjustment-id", adjust_flags->adjustment_id,
      "the adjustment's id, its idempotency key: 1-64 of A-Z, a-z, 0-9, '-', "
      "'_' (default: a new random id, printed; give it to retry safely)");
  SetAction(adjust, selected, [f = adjust_flags](const Session& session) {
    v1::AdjustStockRequest request;
    request.set_adjustment_id(f->adjustment_id.empty() ? RandomId("adj-")
                                                       : f->adjustment_id);
    request.set_store_code(f->store);
    request.set_sku(f->sku);
    request.set_quantity_delta_milli(f->quantity_milli.value_or(0));
    request.set_reason(f->reason.value_or(v1::ADJUSTMENT_REASON_UNSPECIFIED));
    request.set_note(f->note);
    auto response = session.inventory().AdjustStock(request);
    if (response.ok() && response->has_approval_request() &&
        response->approval_request().state() ==
            v1::STOCK_ADJUSTMENT_REQUEST_STATE_PENDING_APPROVAL) {
      std::cerr << "backofficectl: write-off " << request.adjustment_id()
                << " is not posted: it is worth "
                << FormatMoney(-response->value().minor_units(),
                               response->value().currency_code())
                << " at cost, above the store's threshold, and waits for a "
                   "manager who did not ask: backofficectl writeoff approve "
                << request.store_code() << " " << request.adjustment_id()
                << "\n";
    }
    return PrintResponse(session, response);
  });
}

// --- verify ---

// The table view leads with what was checked, so that a clean run still
// says how much it covered, and lists the violations below. JSON is the
// whole response; CSV lists the violations with the summary on stderr, as
// the bulk commands do.
Status PrintVerification(const Session& session,
                         const v1::VerifyLedgerResponse& response) {
  if (session.format() == OutputFormat::kJson) {
    return PrintMessage(std::cout, session.format(), response);
  }
  const std::string summary =
      "stores=" + std::to_string(response.stores_checked()) +
      " balances=" + std::to_string(response.balances_checked()) +
      " sales=" + std::to_string(response.sales_checked()) +
      " violations=" + std::to_string(response.violations_size());
  std::vector<const google::protobuf::Message*> items;
  for (const auto& violation : response.violations()) {
    items.push_back(&violation);
  }
  if (session.format() == OutputFormat::kCsv) {
    std::cerr << summary << '\n';
    return PrintList(std::cout, session.format(),
                     *v1::LedgerViolation::descriptor(), items);
  }
  std::cout << summary << '\n';
  if (items.empty()) return Status();
  return PrintList(std::cout, session.format(),
                   *v1::LedgerViolation::descriptor(), items);
}

void AddVerifyCommand(CLI::App& root, Action& selected) {
  auto store = std::make_shared<std::string>();
  CLI::App* verify = root.add_subcommand(
      "verify",
      "check the books: every stock balance equals the sum of its "
      "movements, every sale adds up and has exactly its movements "
      "(admins, head office); exits non-zero if any violation is found");
  verify->add_option("--store", *store,
                     "check only this store (default: every store)");
  verify->footer(
      "Prints stores=N balances=N sales=N violations=N, then one row per\n"
      "violation (kind, store_code, entity_id, detail); with --output json "
      "the\nwhole response, with --output csv the violations (the summary "
      "on stderr).\n"
      "Exit status: 0 no violation, 4 some violations, 1 the call failed.");
  SetAction(verify, selected, [store](const Session& session) {
    v1::VerifyLedgerRequest request;
    request.set_store_code(*store);
    auto response = session.reconciliation().VerifyLedger(request);
    if (!response.ok()) return Fail(response.status());
    Status printed = PrintVerification(session, *response);
    if (!printed.ok()) return Fail(printed);
    return response->violations().empty() ? kExitOk : kExitLedgerViolations;
  });
}

}  // namespace

void AddInventoryCommands(CLI::App& app, Action& selected) {
  AddStockCommands(app, selected);
  AddVerifyCommand(app, selected);
}

}  // namespace backoffice::ctl
