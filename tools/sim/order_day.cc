// The demo's ordering morning, on the SDK only: a store's manager asks what
// to order, puts the suggestions into draft orders (a second run adds
// nothing), submits them and tries to approve them himself (refused:
// SELF_APPROVAL_FORBIDDEN); a second person approves (a supervisor of the
// store, or head office above the store's approval limit), and the orders
// are sent. Supplier items the demo needs are created first when missing
// (ALREADY_EXISTS is fine: they may come with the demo catalog).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "demo_support.h"

namespace {

namespace v1 = backoffice::v1;

using backoffice::demo::Qty;
using backoffice::demo::Rupiah;

std::shared_ptr<backoffice::Connection> Connect(const std::string& address,
                                                const std::string& token) {
  return backoffice::demo::ConnectOrExit(address, token, "order_day");
}

struct ItemSpec {
  const char* supplier;
  const char* sku;
  std::int64_t pack_milli;
  std::int64_t moq_milli;
  std::int64_t cost_minor;
  int tax_basis_points;
  int lead_days;
};

void PrintOrder(const v1::PurchaseOrder& o) {
  std::cout << "  " << o.order_id() << " to " << o.supplier_code() << ", "
            << v1::PurchaseOrderState_Name(o.state()).substr(21) << ", etag "
            << o.etag() << ", " << o.lines_size() << " lines, "
            << Rupiah(o.total_with_tax().minor_units()) << " with VAT";
  if (!o.expected_date().empty())
    std::cout << ", expected " << o.expected_date();
  std::cout << "\n";
  for (const auto& l : o.lines()) {
    std::cout << "    " << l.sku() << " " << Qty(l.quantity_milli()) << " ("
              << l.quantity_milli() /
                     std::max<std::int64_t>(l.pack_size_milli(), 1)
              << " packs of " << Qty(l.pack_size_milli()) << ") at "
              << Rupiah(l.unit_cost().minor_units()) << " = "
              << Rupiah(l.line_cost().minor_units()) << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"the demo's ordering morning of one store"};
  std::string address;
  std::string store = "JKT01";
  std::string maker_token;
  std::string checker_token;
  std::string head_office_token;
  std::string run_id = "morning";
  std::string as_of;
  std::int64_t approval_limit = 2'000'000;
  cli.add_option("--address", address, "backofficed host:port")
      ->envname("BACKOFFICE_ADDR")
      ->required();
  cli.add_option("--store", store)->capture_default_str();
  cli.add_option("--maker-token", maker_token,
                 "the store manager who drafts and submits")
      ->required();
  cli.add_option("--checker-token", checker_token,
                 "a second manager of the store, who approves")
      ->required();
  cli.add_option("--head-office-token", head_office_token,
                 "head office: supplier items, the limit, large orders")
      ->required();
  cli.add_option("--run-id", run_id, "the draft run's id")
      ->capture_default_str();
  cli.add_option("--as-of", as_of,
                 "the morning to order for, YYYY-MM-DD (default today); the "
                 "demand window ends the day before");
  cli.add_option("--approval-limit", approval_limit,
                 "the store's approval limit, minor units")
      ->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  backoffice::PurchasingClient head_items(Connect(address, head_office_token));
  backoffice::PurchaseOrderClient head(Connect(address, head_office_token));
  backoffice::PurchaseOrderClient maker(Connect(address, maker_token));
  backoffice::PurchaseOrderClient checker(Connect(address, checker_token));

  // Supplier items for the store's usual goods.
  const std::vector<ItemSpec> items = {
      {"SUP-INDOFOOD", "SKU-1001", 40000, 40000, 2800, 1100, 2},
      {"SUP-INDOFOOD", "SKU-1002", 40000, 40000, 2600, 1100, 2},
      {"SUP-INDOFOOD", "SKU-1004", 24000, 24000, 3300, 1100, 2},
      {"SUP-INDOFOOD", "SKU-1005", 24000, 24000, 4800, 1100, 2},
      {"SUP-WINGS", "SKU-1003", 40000, 40000, 2700, 1100, 3},
      {"SUP-INDOFOOD", "SKU-1006", 4000, 4000, 65000, 1100, 3},
      {"SUP-PASAR", "SKU-1013", 5000, 5000, 30000, 0, 1},
      {"SUP-PASAR", "SKU-1016", 5000, 5000, 11000, 0, 1},
  };
  int created = 0;
  for (const auto& spec : items) {
    v1::CreateSupplierItemRequest request;
    auto* item = request.mutable_supplier_item();
    item->set_supplier_code(spec.supplier);
    item->set_sku(spec.sku);
    item->set_supplier_sku(std::string(spec.supplier) + "/" + spec.sku);
    item->set_pack_size_milli(spec.pack_milli);
    item->set_min_order_quantity_milli(spec.moq_milli);
    item->mutable_unit_cost()->set_currency_code("IDR");
    item->mutable_unit_cost()->set_minor_units(spec.cost_minor);
    item->set_tax_rate_basis_points(spec.tax_basis_points);
    item->set_lead_time_days(spec.lead_days);
    item->set_active(true);
    auto response = head_items.CreateSupplierItem(request);
    if (response.ok()) {
      ++created;
    } else if (response.status().code() !=
               backoffice::StatusCode::kAlreadyExists) {
      std::cerr << "order_day: supplier item " << spec.sku << ": "
                << response.status() << "\n";
      return 1;
    }
  }
  std::cout << created << " supplier items created (" << items.size() - created
            << " existed)\n";

  v1::UpdatePurchasingSettingsRequest settings;
  settings.mutable_settings()->set_store_code(store);
  settings.mutable_settings()->mutable_approval_limit()->set_currency_code(
      "IDR");
  settings.mutable_settings()->mutable_approval_limit()->set_minor_units(
      approval_limit);
  settings.mutable_update_mask()->add_paths("approval_limit");
  settings.set_request_id("demo-limit-" + store);
  if (auto r = head.UpdatePurchasingSettings(settings); !r.ok()) {
    std::cerr << "order_day: settings: " << r.status() << "\n";
    return 1;
  }
  std::cout << "head office: orders of " << store << " above "
            << Rupiah(approval_limit) << " with VAT need head office\n\n";

  // 1. What to order.
  v1::SuggestOrdersRequest suggest;
  suggest.set_store_code(store);
  suggest.set_as_of_day(as_of);
  auto suggestions = maker.SuggestOrders(suggest);
  if (!suggestions.ok()) {
    std::cerr << "order_day: suggest: " << suggestions.status() << "\n";
    return 1;
  }
  std::cout << "== suggestions for " << store << " as of "
            << suggestions->as_of_day() << "\n";
  for (const auto& g : suggestions->groups()) {
    std::cout << g.supplier_code() << ": " << g.lines_size() << " lines, "
              << Rupiah(g.total_cost().minor_units()) << " + VAT "
              << Rupiah(g.total_tax().minor_units()) << "\n";
    for (const auto& l : g.lines()) {
      std::cout << "  " << l.sku() << " order " << Qty(l.suggested_milli())
                << " [" << l.supplier_rule() << "]: " << l.explanation()
                << "\n";
    }
  }

  // 2. Into drafts; the same need is not drafted twice.
  v1::DraftOrdersFromSuggestionsRequest draft;
  draft.set_store_code(store);
  draft.set_run_id(run_id);
  draft.set_as_of_day(as_of);
  draft.set_request_id("demo-draft-" + run_id);
  auto drafts = maker.DraftOrdersFromSuggestions(draft);
  if (!drafts.ok()) {
    std::cerr << "order_day: drafts: " << drafts.status() << "\n";
    return 1;
  }
  std::cout << "\n== draft orders from the suggestions (run " << run_id
            << ")\n";
  for (const auto& o : drafts->purchase_orders()) PrintOrder(o);
  draft.set_run_id(run_id + "-again");
  auto again = maker.DraftOrdersFromSuggestions(draft);
  if (!again.ok()) {
    std::cerr << "order_day: second run: " << again.status() << "\n";
    return 1;
  }
  std::cout << "a second run right after drafts "
            << again->purchase_orders_size()
            << " orders: everything suggested is on order already\n";

  // 3. Submit, self-approval refused, a second person approves, send.
  std::cout << "\n== submit, approve (four eyes), send\n";
  for (v1::PurchaseOrder order : drafts->purchase_orders()) {
    v1::SubmitPurchaseOrderRequest submit;
    submit.set_store_code(store);
    submit.set_order_id(order.order_id());
    submit.set_etag(order.etag());
    auto submitted = maker.SubmitPurchaseOrder(submit);
    if (!submitted.ok()) {
      std::cerr << "order_day: submit: " << submitted.status() << "\n";
      return 1;
    }
    order = submitted->purchase_order();
    v1::ApprovePurchaseOrderRequest approve;
    approve.set_store_code(store);
    approve.set_order_id(order.order_id());
    approve.set_etag(order.etag());
    auto self = maker.ApprovePurchaseOrder(approve);
    std::cout << order.order_id() << ": the manager who drafted it approves: "
              << (self.ok() ? std::string("ACCEPTED (wrong!)")
                            : self.status().reason())
              << "\n";
    if (self.ok()) return 1;
    auto approved = checker.ApprovePurchaseOrder(approve);
    if (!approved.ok() &&
        approved.status().reason() == "APPROVAL_LIMIT_EXCEEDED") {
      std::cout << order.order_id()
                << ": the supervisor approves: " << approved.status().reason()
                << " (" << Rupiah(order.total_with_tax().minor_units())
                << "); head office approves instead\n";
      approved = head.ApprovePurchaseOrder(approve);
    }
    if (!approved.ok()) {
      std::cerr << "order_day: approve: " << approved.status() << "\n";
      return 1;
    }
    order = approved->purchase_order();
    std::cout << order.order_id() << ": approved by " << order.approved_by()
              << "\n";
    v1::SendPurchaseOrderRequest send;
    send.set_store_code(store);
    send.set_order_id(order.order_id());
    send.set_etag(order.etag());
    send.set_request_id("demo-send-" + order.order_id());
    auto sent = maker.SendPurchaseOrder(send);
    if (!sent.ok()) {
      std::cerr << "order_day: send: " << sent.status() << "\n";
      return 1;
    }
    PrintOrder(sent->purchase_order());
  }

  // 4. The approved orders cover the need: nothing is suggested again.
  auto after = maker.SuggestOrders(suggest);
  if (!after.ok()) {
    std::cerr << "order_day: suggest: " << after.status() << "\n";
    return 1;
  }
  int lines = 0;
  for (const auto& g : after->groups()) {
    for (const auto& l : g.lines()) lines += l.suggested_milli() > 0;
  }
  std::cout << "\nsuggestions after the orders were sent: " << lines
            << " lines to order\n";
  return lines == 0 ? 0 : 1;
}
