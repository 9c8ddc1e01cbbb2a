// The demo's opening deliveries of one store, on the SDK only: for each
// supplier of the store's products, an order covering a trading day is
// written and submitted by the store manager, approved by a second manager
// (the maker's own approval is refused first, in the story's store), sent,
// and received by a third person with lot numbers and expiry dates, two lots
// of each product that expires. The story's store also shows an
// over-delivery refused, a damaged case rejected, a partial delivery and its
// rest, the order closed short for the case never replaced, and a market
// delivery without an order that waits for a manager.
#include <absl/time/civil_time.h>
#include <absl/time/clock.h>
#include <absl/time/time.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "demo_support.h"

namespace {

namespace v1 = backoffice::v1;
using backoffice::demo::Qty;
using backoffice::demo::Rupiah;

struct Item {
  v1::SupplierItem item;
  int shelf_life_days = 0;
  int sell_by_margin_days = 0;
};

std::string Today(const std::string& zone_name) {
  absl::TimeZone zone;
  if (!absl::LoadTimeZone(zone_name, &zone)) zone = absl::UTCTimeZone();
  return absl::FormatCivilTime(absl::ToCivilDay(absl::Now(), zone));
}

std::string DaysAfter(const std::string& day, int days) {
  absl::CivilDay parsed;
  absl::ParseCivilTime(day, &parsed);
  return absl::FormatCivilTime(parsed + days);
}

std::string Reason(const backoffice::Status& status) {
  return status.reason().empty() ? status.message() : status.reason();
}

[[noreturn]] void Die(const std::string& what,
                      const backoffice::Status& status) {
  std::cerr << "stock_up: " << what << ": " << status << "\n";
  std::exit(1);
}

// The lines of a full delivery of `order`: everything ordered, products
// that expire in two lots (two fifths expiring at half their shelf life,
// the rest at their full shelf life).
std::vector<v1::GoodsReceiptLineInput> FullDelivery(
    const v1::PurchaseOrder& order, const std::map<std::string, Item>& items,
    const std::string& today, const std::string& lot_prefix) {
  std::vector<v1::GoodsReceiptLineInput> lines;
  for (const auto& l : order.lines()) {
    const Item& item = items.at(l.sku());
    v1::GoodsReceiptLineInput line;
    line.set_sku(l.sku());
    if (item.shelf_life_days == 0) {
      line.set_received_milli(l.quantity_milli());
      lines.push_back(line);
      continue;
    }
    const std::int64_t early = l.quantity_milli() * 2 / 5 / 1000 * 1000;
    const int early_days =
        std::max(item.sell_by_margin_days + 1, item.shelf_life_days / 2);
    line.set_received_milli(early);
    line.set_lot_code(lot_prefix + "A");
    line.set_expiry_date(DaysAfter(today, early_days));
    lines.push_back(line);
    line.set_received_milli(l.quantity_milli() - early);
    line.set_lot_code(lot_prefix + "B");
    line.set_expiry_date(DaysAfter(today, item.shelf_life_days));
    lines.push_back(line);
  }
  return lines;
}

// The receipt, and with `lots` its first lines that name a lot.
void PrintReceipt(const v1::GoodsReceipt& r, int lots = 0) {
  std::cout << "  receipt " << r.receipt_id() << ": "
            << v1::GoodsReceiptState_Name(r.state()).substr(20) << ", "
            << r.lines_size() << " lines, payable "
            << Rupiah(r.payable_amount().minor_units());
  if (!r.payable_due_date().empty()) {
    std::cout << " due " << r.payable_due_date();
  }
  std::cout << "\n";
  for (const auto& l : r.lines()) {
    if (lots <= 0) break;
    if (l.lot_code().empty()) continue;
    --lots;
    std::cout << "    " << l.sku() << " " << Qty(l.received_milli()) << " lot "
              << l.lot_code() << " expires " << l.expiry_date() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"the demo's opening deliveries of one store"};
  std::string address;
  std::string store;
  std::string time_zone = "Asia/Jakarta";
  std::string maker_token;
  std::string checker_token;
  std::string receiver_token;
  std::string preferred_file;
  std::int64_t cover_milli = 90'000;
  bool story = false;
  cli.add_option("--address", address, "backofficed host:port")
      ->envname("BACKOFFICE_ADDR")
      ->required();
  cli.add_option("--store", store)->required();
  cli.add_option("--time-zone", time_zone, "the store's")
      ->capture_default_str();
  cli.add_option("--maker-token", maker_token,
                 "the store manager who writes and submits")
      ->required();
  cli.add_option("--checker-token", checker_token,
                 "a second manager, who approves")
      ->required();
  cli.add_option("--receiver-token", receiver_token,
                 "the store clerk who receives the goods")
      ->required();
  cli.add_option("--preferred", preferred_file,
                 "lines 'SKU SUPPLIER': the supplier of each product")
      ->required();
  cli.add_option("--cover-milli", cover_milli,
                 "what each product's order covers, in thousandths")
      ->capture_default_str();
  cli.add_flag("--story", story,
               "tell the receiving story: refusals, a partial delivery, a "
               "damaged case, a market delivery");
  CLI11_PARSE(cli, argc, argv);

  auto maker_connection =
      backoffice::demo::ConnectOrExit(address, maker_token, "stock_up");
  backoffice::PurchaseOrderClient maker(maker_connection);
  backoffice::PurchaseOrderClient checker(
      backoffice::demo::ConnectOrExit(address, checker_token, "stock_up"));
  auto receiver_connection =
      backoffice::demo::ConnectOrExit(address, receiver_token, "stock_up");
  backoffice::GoodsReceiptClient receiver(receiver_connection);
  backoffice::GoodsReceiptClient manager_receipts(
      backoffice::demo::ConnectOrExit(address, checker_token, "stock_up"));
  const std::string today = Today(time_zone);

  // Each product's supplier and item, and its shelf life.
  std::map<std::string, std::string> supplier_of;
  {
    std::ifstream in(preferred_file);
    std::string sku, supplier;
    while (in >> sku >> supplier) supplier_of[sku] = supplier;
  }
  std::map<std::string, Item> items;
  backoffice::PurchasingClient purchasing(maker_connection);
  std::vector<std::string> suppliers;
  for (const auto& [sku, supplier] : supplier_of) {
    if (std::find(suppliers.begin(), suppliers.end(), supplier) ==
        suppliers.end()) {
      suppliers.push_back(supplier);
    }
  }
  for (const auto& supplier : suppliers) {
    v1::ListSupplierItemsRequest list_items;
    list_items.set_supplier_code(supplier);
    list_items.set_active_only(true);
    list_items.set_page_size(1000);
    if (auto st = purchasing.ForEachSupplierItem(
            list_items,
            [&](const v1::SupplierItem& item) {
              auto it = supplier_of.find(item.sku());
              if (it != supplier_of.end() &&
                  it->second == item.supplier_code()) {
                items[item.sku()].item = item;
              }
              return true;
            });
        !st.ok()) {
      Die("supplier items of " + supplier, st);
    }
  }
  backoffice::CatalogClient catalog(maker_connection);
  v1::ListProductsRequest list_products;
  list_products.set_page_size(1000);
  if (auto st = catalog.ForEachProduct(list_products,
                                       [&](const v1::Product& p) {
                                         auto it = items.find(p.sku());
                                         if (it != items.end()) {
                                           it->second.shelf_life_days =
                                               p.shelf_life_days();
                                           it->second.sell_by_margin_days =
                                               p.sell_by_margin_days();
                                         }
                                         return true;
                                       });
      !st.ok()) {
    Die("products", st);
  }
  std::map<std::string, std::vector<const Item*>> by_supplier;
  for (const auto& [sku, item] : items) {
    by_supplier[item.item.supplier_code()].push_back(&item);
  }

  // The story's order: the supplier with the most products.
  std::string story_supplier;
  for (const auto& [supplier, list] : by_supplier) {
    if (story_supplier.empty() ||
        list.size() > by_supplier[story_supplier].size()) {
      story_supplier = supplier;
    }
  }

  std::int64_t total_payable = 0;
  for (const auto& [supplier, list] : by_supplier) {
    const std::string order_id = "open-" + store + "-" + supplier;
    v1::CreatePurchaseOrderRequest create;
    create.set_store_code(store);
    create.set_order_id(order_id);
    create.set_supplier_code(supplier);
    create.set_request_id("create-" + order_id);
    for (const Item* item : list) {
      const std::int64_t pack =
          std::max<std::int64_t>(item->item.pack_size_milli(), 1);
      std::int64_t quantity = (cover_milli + pack - 1) / pack * pack;
      while (quantity < item->item.min_order_quantity_milli()) quantity += pack;
      auto* line = create.add_lines();
      line->set_sku(item->item.sku());
      line->set_quantity_milli(quantity);
    }
    auto created = maker.CreatePurchaseOrder(create);
    if (!created.ok()) Die("create " + order_id, created.status());
    v1::PurchaseOrder order = created->purchase_order();

    v1::SubmitPurchaseOrderRequest submit;
    submit.set_store_code(store);
    submit.set_order_id(order_id);
    submit.set_etag(order.etag());
    submit.set_request_id("submit-" + order_id);
    auto submitted = maker.SubmitPurchaseOrder(submit);
    if (!submitted.ok()) Die("submit " + order_id, submitted.status());
    v1::ApprovePurchaseOrderRequest approve;
    approve.set_store_code(store);
    approve.set_order_id(order_id);
    approve.set_etag(submitted->purchase_order().etag());
    approve.set_request_id("approve-" + order_id);
    const bool tell = story && supplier == story_supplier;
    if (tell) {
      auto own = maker.ApprovePurchaseOrder(approve);
      std::cout << order_id << ": the manager who wrote it approves it: "
                << (own.ok() ? std::string("ACCEPTED (a bug)")
                             : Reason(own.status()))
                << "\n";
    }
    auto approved = checker.ApprovePurchaseOrder(approve);
    if (!approved.ok()) Die("approve " + order_id, approved.status());
    v1::SendPurchaseOrderRequest send;
    send.set_store_code(store);
    send.set_order_id(order_id);
    send.set_etag(approved->purchase_order().etag());
    send.set_request_id("send-" + order_id);
    auto sent = maker.SendPurchaseOrder(send);
    if (!sent.ok()) Die("send " + order_id, sent.status());
    order = sent->purchase_order();
    std::cout << order_id << ": " << order.lines_size() << " lines, "
              << Rupiah(order.total_with_tax().minor_units())
              << " with VAT, approved by " << order.approved_by() << "\n";

    const std::string lot_prefix =
        "L" + today.substr(2, 2) + today.substr(5, 2) + today.substr(8, 2);
    std::vector<v1::GoodsReceiptLineInput> lines =
        FullDelivery(order, items, today, lot_prefix);
    v1::CreateGoodsReceiptRequest receipt;
    receipt.set_store_code(store);
    receipt.set_order_id(order_id);
    receipt.set_supplier_document("SJ-" + order_id);

    if (tell) {
      // The checker approved the order: receiving it is someone else's job.
      receipt.set_receipt_id("rcv-" + order_id + "-by-approver");
      for (const auto& l : lines) *receipt.add_lines() = l;
      auto by_approver = manager_receipts.CreateGoodsReceipt(receipt);
      std::cout << "  the manager who approved it receives it: "
                << (by_approver.ok() ? std::string("ACCEPTED (a bug)")
                                     : Reason(by_approver.status()))
                << "\n";
      // One case more than ordered of the first product: refused.
      receipt.set_receipt_id("rcv-" + order_id + "-over");
      receipt.clear_lines();
      for (const auto& l : lines) *receipt.add_lines() = l;
      const auto& first = order.lines(0);
      receipt.mutable_lines(0)->set_received_milli(
          receipt.lines(0).received_milli() + first.pack_size_milli());
      auto over = receiver.CreateGoodsReceipt(receipt);
      std::cout << "  a delivery with one case of " << first.sku()
                << " more than ordered: "
                << (over.ok() ? std::string("ACCEPTED (a bug)")
                              : Reason(over.status()))
                << "\n";
      // The real delivery: the second product's case arrives damaged and
      // is rejected; the third product comes only half, the rest later.
      receipt.set_receipt_id("rcv-" + order_id + "-1");
      receipt.clear_lines();
      std::string damaged_sku;
      std::string partial_sku;
      std::int64_t partial_rest = 0;
      for (auto l : lines) {
        if (damaged_sku.empty() && l.sku() != first.sku() &&
            l.lot_code().empty()) {
          damaged_sku = l.sku();
          for (const auto& ol : order.lines()) {
            if (ol.sku() == damaged_sku) {
              l.set_received_milli(l.received_milli() - ol.pack_size_milli());
              l.set_rejected_milli(ol.pack_size_milli());
              l.set_reject_reason(v1::REJECT_REASON_DAMAGED);
            }
          }
        } else if (partial_sku.empty() && l.sku() != first.sku() &&
                   l.sku() != damaged_sku && l.lot_code().empty()) {
          partial_sku = l.sku();
          partial_rest = l.received_milli() / 2 / 1000 * 1000;
          l.set_received_milli(l.received_milli() - partial_rest);
        }
        *receipt.add_lines() = l;
      }
      auto partial = receiver.CreateGoodsReceipt(receipt);
      if (!partial.ok()) Die("receive " + order_id, partial.status());
      PrintReceipt(partial->goods_receipt());
      total_payable += partial->goods_receipt().payable_amount().minor_units();
      std::cout << "    one case of " << damaged_sku << " rejected as DAMAGED; "
                << partial_sku << " came " << Qty(partial_rest) << " short\n";
      v1::CreateGoodsReceiptRequest rest;
      rest.set_store_code(store);
      rest.set_order_id(order_id);
      rest.set_receipt_id("rcv-" + order_id + "-2");
      rest.set_supplier_document("SJ-" + order_id + "-2");
      auto* line = rest.add_lines();
      line->set_sku(partial_sku);
      line->set_received_milli(partial_rest);
      auto second = receiver.CreateGoodsReceipt(rest);
      if (!second.ok()) Die("receive the rest", second.status());
      PrintReceipt(second->goods_receipt());
      total_payable += second->goods_receipt().payable_amount().minor_units();
      // The damaged case is not replaced: the order closes short.
      v1::GetPurchaseOrderRequest get;
      get.set_store_code(store);
      get.set_order_id(order_id);
      auto now = maker.GetPurchaseOrder(get);
      if (!now.ok()) Die("get " + order_id, now.status());
      std::cout << "  " << order_id << " is now "
                << v1::PurchaseOrderState_Name(now->purchase_order().state())
                       .substr(21)
                << "\n";
      v1::ClosePurchaseOrderRequest close;
      close.set_store_code(store);
      close.set_order_id(order_id);
      close.set_etag(now->purchase_order().etag());
      close.set_reason("the damaged case of " + damaged_sku +
                       " is not replaced");
      close.set_request_id("close-" + order_id);
      auto closed = backoffice::PurchaseOrderClient(
                        backoffice::demo::ConnectOrExit(address, checker_token,
                                                        "stock_up"))
                        .ClosePurchaseOrder(close);
      if (!closed.ok()) Die("close " + order_id, closed.status());
      std::cout << "  closed "
                << v1::PurchaseOrderState_Name(closed->purchase_order().state())
                       .substr(21)
                << ": " << close.reason() << "\n";
      continue;
    }
    receipt.set_receipt_id("rcv-" + order_id);
    for (const auto& l : lines) *receipt.add_lines() = l;
    auto received = receiver.CreateGoodsReceipt(receipt);
    if (!received.ok()) Die("receive " + order_id, received.status());
    PrintReceipt(received->goods_receipt(), story ? 4 : 0);
    total_payable += received->goods_receipt().payable_amount().minor_units();
  }

  if (story) {
    // Fresh tofu straight from the market, without an order: it waits for
    // a manager, and the manager who received it cannot approve it.
    v1::CreateGoodsReceiptRequest market;
    market.set_store_code(store);
    market.set_receipt_id("rcv-market-" + store + "-" + today);
    market.set_supplier_code("SUP-PASAR");
    market.set_supplier_document("NOTA-PASAR-" + today);
    market.set_note("extra tofu for the weekend, bought at the market");
    auto* line = market.add_lines();
    line->set_sku("SKU-1088");
    line->set_received_milli(20'000);
    line->set_lot_code("PASAR-" + today);
    line->set_expiry_date(DaysAfter(today, 3));
    backoffice::GoodsReceiptClient manager_receiving(maker_connection);
    auto pending = manager_receiving.CreateGoodsReceipt(market);
    if (!pending.ok()) Die("market delivery", pending.status());
    PrintReceipt(pending->goods_receipt());
    v1::ApproveGoodsReceiptRequest approve;
    approve.set_store_code(store);
    approve.set_receipt_id(market.receipt_id());
    approve.set_request_id("approve-" + market.receipt_id());
    auto own = manager_receiving.ApproveGoodsReceipt(approve);
    std::cout << "    the manager who received it approves it: "
              << (own.ok() ? std::string("ACCEPTED (a bug)")
                           : Reason(own.status()))
              << "\n";
    auto approved = manager_receipts.ApproveGoodsReceipt(approve);
    if (!approved.ok()) Die("approve market delivery", approved.status());
    std::cout << "    a second manager approves it:\n";
    PrintReceipt(approved->goods_receipt());
    total_payable += approved->goods_receipt().payable_amount().minor_units();
  }
  std::cout << store << " owes its suppliers " << Rupiah(total_payable)
            << " for today's deliveries\n";
  return 0;
}
