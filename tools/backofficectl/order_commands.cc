// order and purchasing-settings: one subcommand per PurchaseOrderService
// operation. Tables print quantities in the product's unit and money as the
// currency writes it; --output json|csv keeps the exact integers.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"

namespace backoffice::ctl {
namespace {

// "SKU=QTY" or "SKU=QTY@COST": a quantity such as 24 or 1.5 (exact
// thousandths), and an optional unit cost in minor units.
StatusOr<v1::PurchaseOrderLineInput> ParseLine(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    return Status(StatusCode::kInvalidArgument, "INVALID_LINE",
                  "a line is SKU=QUANTITY[@UNIT_COST_MINOR]: " + text);
  }
  v1::PurchaseOrderLineInput line;
  line.set_sku(text.substr(0, equals));
  std::string rest = text.substr(equals + 1);
  const auto at = rest.find('@');
  auto quantity = ParseMilli(rest.substr(0, at));
  if (!quantity.ok()) return quantity.status();
  line.set_quantity_milli(*quantity);
  if (at != std::string::npos) {
    auto cost = ParseInt64(rest.substr(at + 1));
    if (!cost.ok()) return cost.status();
    line.mutable_unit_cost()->set_minor_units(*cost);
  }
  return line;
}

struct LineFlags {
  std::vector<v1::PurchaseOrderLineInput> lines;
};

void AddLineFlag(CLI::App* app, std::shared_ptr<LineFlags> flags) {
  app->add_option_function<std::vector<std::string>>(
         "--line",
         [flags](const std::vector<std::string>& texts) {
           for (const auto& text : texts) {
             auto line = ParseLine(text);
             if (!line.ok()) {
               throw CLI::ValidationError("--line", line.status().message());
             }
             flags->lines.push_back(*line);
           }
         },
         "a line SKU=QUANTITY[@UNIT_COST_MINOR] (repeatable); the cost "
         "defaults to the supplier item's")
      ->type_name("LINE");
}

struct OrderKey {
  std::string store;
  std::string order_id;
  std::string etag;
  std::string reason;
  std::string request_id;
};

// --store, --id and, for changes, --etag (and --reason).
void AddKeyFlags(CLI::App* app, OrderKey& key, bool change, bool reason) {
  app->add_option("--store", key.store, "the store's code")->required();
  app->add_option("--id", key.order_id, "the order's id")->required();
  if (change) {
    app->add_option("--etag", key.etag,
                    "the etag read (order get); a stale one is refused")
        ->required();
    AddRequestIdFlag(app, key.request_id);
  }
  if (reason) app->add_option("--reason", key.reason, "why");
}

template <typename Request>
Request KeyedRequest(const OrderKey& key) {
  Request request;
  request.set_store_code(key.store);
  request.set_order_id(key.order_id);
  request.set_etag(key.etag);
  request.set_request_id(RequestIdOrNew(key.request_id));
  return request;
}

// submit, approve, reject, send, cancel and close.
template <typename Request, typename Call>
void AddTransition(CLI::App* group, Action& selected, const std::string& name,
                   const std::string& help, bool reason, Call call) {
  auto key = std::make_shared<OrderKey>();
  CLI::App* app = group->add_subcommand(name, help);
  AddKeyFlags(app, *key, true, reason);
  SetAction(app, selected, [key, call](const Session& session) {
    auto request = KeyedRequest<Request>(*key);
    if constexpr (std::is_same_v<Request, v1::RejectPurchaseOrderRequest> ||
                  std::is_same_v<Request, v1::CancelPurchaseOrderRequest> ||
                  std::is_same_v<Request, v1::ClosePurchaseOrderRequest>) {
      request.set_reason(key->reason);
    }
    PurchaseOrderClient client = session.purchase_orders();
    return PrintResponse(session, call(client, request));
  });
}

void AddOrderGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "order",
      "purchase orders: suggest, draft-from-suggestions, create, add, "
      "submit, approve, reject, send, cancel, close, get, list");
  group->require_subcommand(1);

  struct SuggestFlags {
    std::string store;
    std::string supplier;
    std::string as_of;
    PageFlags page;
  };
  auto suggest_flags = std::make_shared<SuggestFlags>();
  CLI::App* suggest = group->add_subcommand(
      "suggest",
      "what to order, per supplier, with each line's arithmetic; without a "
      "store (head office) every store");
  suggest->add_option("store", suggest_flags->store, "the store's code");
  suggest->add_option("--supplier", suggest_flags->supplier,
                      "only this supplier's products");
  suggest->add_option("--as-of", suggest_flags->as_of,
                      "the day to suggest for, YYYY-MM-DD (default today)");
  AddPageFlags(suggest, suggest_flags->page);
  SetAction(suggest, selected, [f = suggest_flags](const Session& session) {
    v1::SuggestOrdersRequest request;
    request.set_store_code(f->store);
    request.set_supplier_code(f->supplier);
    request.set_as_of_day(f->as_of);
    PurchaseOrderClient client = session.purchase_orders();
    if (session.format() != OutputFormat::kTable) {
      return ListPages(session, request, f->page,
                       [&](const auto& r) { return client.SuggestOrders(r); });
    }
    // The table: one block per supplier, then its lines' explanations.
    request.set_page_size(f->page.page_size);
    request.set_page_token(f->page.page_token);
    while (true) {
      auto response = client.SuggestOrders(request);
      if (!response.ok()) return Fail(response.status());
      for (const auto& group : response->groups()) {
        Status printed = PrintMessage(std::cout, session.format(), group,
                                      LoadDisplayContext(session, {&group}));
        if (!printed.ok()) return Fail(printed);
        for (const auto& line : group.lines()) {
          std::cout << "  " << line.sku() << ": " << line.explanation() << '\n';
        }
        std::cout << '\n';
      }
      if (response->groups().empty()) {
        std::cout << "nothing to order as of " << response->as_of_day() << '\n';
      }
      if (response->next_page_token().empty()) break;
      if (!f->page.all) {
        PrintNextPageHint(response->next_page_token());
        break;
      }
      request.set_page_token(response->next_page_token());
    }
    return kExitOk;
  });

  struct DraftFlags {
    std::string store;
    std::string run_id;
    std::string as_of;
    std::string request_id;
  };
  auto draft_flags = std::make_shared<DraftFlags>();
  CLI::App* draft = group->add_subcommand(
      "draft-from-suggestions",
      "put the store's suggestions into draft orders: the supplier's open "
      "draft, or a new one <run-id>-<supplier>");
  draft->add_option("store", draft_flags->store, "the store's code")
      ->required();
  draft
      ->add_option("--run-id", draft_flags->run_id,
                   "this run's id; the same id again replays the run")
      ->required();
  draft->add_option("--as-of", draft_flags->as_of,
                    "the day to suggest for, YYYY-MM-DD (default today)");
  AddRequestIdFlag(draft, draft_flags->request_id);
  SetAction(draft, selected, [f = draft_flags](const Session& session) {
    v1::DraftOrdersFromSuggestionsRequest request;
    request.set_store_code(f->store);
    request.set_run_id(f->run_id);
    request.set_as_of_day(f->as_of);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response =
        session.purchase_orders().DraftOrdersFromSuggestions(request);
    if (!response.ok()) return Fail(response.status());
    std::vector<const google::protobuf::Message*> orders;
    for (const auto& o : response->purchase_orders()) orders.push_back(&o);
    Status printed = PrintMessage(std::cout, session.format(), *response,
                                  LoadDisplayContext(session, orders));
    return printed.ok() ? kExitOk : Fail(printed);
  });

  struct CreateFlags {
    std::string store;
    std::string order_id;
    std::string supplier;
    std::string request_id;
  };
  auto create_flags = std::make_shared<CreateFlags>();
  auto create_lines = std::make_shared<LineFlags>();
  CLI::App* create = group->add_subcommand(
      "create", "create a draft order; the same --id again is a replay");
  create->add_option("--store", create_flags->store, "the store's code")
      ->required();
  create
      ->add_option("--id", create_flags->order_id,
                   "the order's id, chosen by you (A-Z a-z 0-9 - _)")
      ->required();
  create
      ->add_option("--supplier", create_flags->supplier, "the supplier's code")
      ->required();
  AddLineFlag(create, create_lines);
  AddRequestIdFlag(create, create_flags->request_id);
  SetAction(
      create, selected,
      [f = create_flags, lines = create_lines](const Session& session) {
        v1::CreatePurchaseOrderRequest request;
        request.set_store_code(f->store);
        request.set_order_id(f->order_id);
        request.set_supplier_code(f->supplier);
        for (const auto& l : lines->lines) *request.add_lines() = l;
        request.set_request_id(RequestIdOrNew(f->request_id));
        auto response = session.purchase_orders().CreatePurchaseOrder(request);
        if (!response.ok()) return Fail(response.status());
        if (response->replayed()) {
          std::cerr << "backofficectl: replayed: order " << f->order_id
                    << " was created before with the same content\n";
        }
        v1::GetPurchaseOrderResponse entity;
        *entity.mutable_purchase_order() = response->purchase_order();
        return PrintResponse(
            session, StatusOr<v1::GetPurchaseOrderResponse>(std::move(entity)));
      });

  auto add_key = std::make_shared<OrderKey>();
  auto add_lines = std::make_shared<LineFlags>();
  CLI::App* add = group->add_subcommand(
      "add", "add quantities to a draft (to the product's line, or a new one)");
  AddKeyFlags(add, *add_key, true, false);
  AddLineFlag(add, add_lines);
  add->get_option("--line")->required();
  SetAction(
      add, selected,
      [key = add_key, lines = add_lines](const Session& session) {
        auto request = KeyedRequest<v1::AddPurchaseOrderLinesRequest>(*key);
        for (const auto& l : lines->lines) *request.add_lines() = l;
        return PrintResponse(
            session, session.purchase_orders().AddPurchaseOrderLines(request));
      });

  using Client = PurchaseOrderClient;
  AddTransition<v1::SubmitPurchaseOrderRequest>(
      group, selected, "submit", "submit a draft for approval", false,
      [](Client& c, const auto& r) { return c.SubmitPurchaseOrder(r); });
  AddTransition<v1::ApprovePurchaseOrderRequest>(
      group, selected, "approve",
      "approve a submitted order (a manager or above who neither created, "
      "changed nor submitted it)",
      false,
      [](Client& c, const auto& r) { return c.ApprovePurchaseOrder(r); });
  AddTransition<v1::RejectPurchaseOrderRequest>(
      group, selected, "reject", "send a submitted order back to draft", true,
      [](Client& c, const auto& r) { return c.RejectPurchaseOrder(r); });
  AddTransition<v1::SendPurchaseOrderRequest>(
      group, selected, "send", "mark an approved order sent to the supplier",
      false, [](Client& c, const auto& r) { return c.SendPurchaseOrder(r); });
  AddTransition<v1::CancelPurchaseOrderRequest>(
      group, selected, "cancel",
      "cancel an order (a sent one with --reason, by a manager)", true,
      [](Client& c, const auto& r) { return c.CancelPurchaseOrder(r); });
  AddTransition<v1::ClosePurchaseOrderRequest>(
      group, selected, "close",
      "close a sent order short: nothing more is expected", true,
      [](Client& c, const auto& r) { return c.ClosePurchaseOrder(r); });

  auto get_key = std::make_shared<OrderKey>();
  CLI::App* get = group->add_subcommand("get", "show one order and its lines");
  AddKeyFlags(get, *get_key, false, false);
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetPurchaseOrderRequest request;
    request.set_store_code(key->store);
    request.set_order_id(key->order_id);
    return PrintResponse(session,
                         session.purchase_orders().GetPurchaseOrder(request));
  });

  struct ListFlags {
    std::string store;
    std::optional<v1::PurchaseOrderState> state;
    std::string supplier;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "list a store's orders by order id");
  list->add_option("--store", list_flags->store, "the store's code")
      ->required();
  AddEnumFlag(list, "--state", list_flags->state,
              *v1::PurchaseOrderState_descriptor(), "PURCHASE_ORDER_STATE_",
              "only orders in this state (any case)");
  list->add_option("--supplier", list_flags->supplier,
                   "only this supplier's orders");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListPurchaseOrdersRequest request;
    request.set_store_code(f->store);
    request.set_state(f->state.value_or(v1::PURCHASE_ORDER_STATE_UNSPECIFIED));
    request.set_supplier_code(f->supplier);
    PurchaseOrderClient client = session.purchase_orders();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return client.ListPurchaseOrders(r);
    });
  });
}

void AddSettingsCommands(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "purchasing-settings",
      "a store's ordering settings: the approval limit, the review period "
      "and the demand window");
  group->require_subcommand(1);
  auto get_store = std::make_shared<std::string>();
  CLI::App* get = group->add_subcommand("get", "show a store's settings");
  get->add_option("--store", *get_store, "the store's code")->required();
  SetAction(get, selected, [store = get_store](const Session& session) {
    v1::GetPurchasingSettingsRequest request;
    request.set_store_code(*store);
    return PrintResponse(
        session, session.purchase_orders().GetPurchasingSettings(request));
  });

  struct UpdateFlags {
    std::string store;
    std::optional<std::int64_t> limit;
    bool no_limit = false;
    std::optional<std::int32_t> review;
    std::optional<std::int32_t> window;
    std::optional<std::int32_t> tolerance;
    std::string request_id;
  };
  auto f = std::make_shared<UpdateFlags>();
  CLI::App* update = group->add_subcommand(
      "update", "change the settings given (head office and admins)");
  update->add_option("--store", f->store, "the store's code")->required();
  AddInt64Flag(update, "--approval-limit", f->limit,
               "orders above this total with VAT (minor units of the store's "
               "currency) need head office");
  update->add_flag("--no-approval-limit", f->no_limit,
                   "store managers approve any amount");
  AddInt32Flag(update, "--review-period-days", f->review,
               "days between two orders to a supplier, 1-365");
  AddInt32Flag(update, "--demand-window-days", f->window,
               "business days of demand averaged, 1-366");
  AddInt32Flag(update, "--receipt-tolerance-bp", f->tolerance,
               "how much more than ordered a receipt may bring without "
               "approval, basis points 0-10000");
  AddRequestIdFlag(update, f->request_id);
  SetAction(update, selected, [f](const Session& session) {
    v1::UpdatePurchasingSettingsRequest request;
    request.mutable_settings()->set_store_code(f->store);
    auto* mask = request.mutable_update_mask();
    if (f->limit || f->no_limit) {
      if (f->limit) {
        request.mutable_settings()->mutable_approval_limit()->set_minor_units(
            *f->limit);
      }
      mask->add_paths("approval_limit");
    }
    ApplyFlag(f->review, "review_period_days", mask, [&](std::int32_t v) {
      request.mutable_settings()->set_review_period_days(v);
    });
    ApplyFlag(f->window, "demand_window_days", mask, [&](std::int32_t v) {
      request.mutable_settings()->set_demand_window_days(v);
    });
    ApplyFlag(
        f->tolerance, "receipt_tolerance_basis_points", mask,
        [&](std::int32_t v) {
          request.mutable_settings()->set_receipt_tolerance_basis_points(v);
        });
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(
        session, session.purchase_orders().UpdatePurchasingSettings(request));
  });
}

}  // namespace

void AddOrderCommands(CLI::App& app, Action& selected) {
  AddOrderGroup(app, selected);
  AddSettingsCommands(app, selected);
}

}  // namespace backoffice::ctl
