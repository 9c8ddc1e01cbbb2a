// What the e2e tests of stock documents share: a store with a till, a
// supplier, products with a supplier item, deliveries approved by a second
// manager, cash sales, and a product's stock on hand. Each throws (set-up)
// or fails the test (reads) on an error.
#ifndef BACKOFFICE_TESTS_SUPPORT_STORE_STOCK_HELPERS_H_
#define BACKOFFICE_TESTS_SUPPORT_STORE_STOCK_HELPERS_H_

#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "ledger_helpers.h"
#include "server_fixture.h"

namespace backoffice::testing {

inline void MustOk(const Status& s) {
  if (!s.ok()) throw std::runtime_error(s.message());
}

// A Jakarta store in rupiah with one till, "T1".
inline void MakeStoreWithTill(const RunningServer& server,
                              const std::string& code) {
  CatalogClient admin(server.Connect(server.admin_token()));
  v1::CreateStoreRequest s;
  s.mutable_store()->set_code(code);
  s.mutable_store()->set_display_name("Toko " + code);
  s.mutable_store()->set_time_zone("Asia/Jakarta");
  s.mutable_store()->set_currency_code("IDR");
  MustOk(admin.CreateStore(s).status());
  v1::CreateTerminalRequest t;
  t.mutable_terminal()->set_store_code(code);
  t.mutable_terminal()->set_code("T1");
  t.mutable_terminal()->set_display_name("T1");
  t.mutable_terminal()->set_active(true);
  MustOk(admin.CreateTerminal(t).status());
}

inline void MakeSupplier(const RunningServer& server, const std::string& code) {
  v1::CreateSupplierRequest supplier;
  supplier.mutable_supplier()->set_code(code);
  supplier.mutable_supplier()->set_display_name("PT " + code);
  supplier.mutable_supplier()->set_payment_terms_days(30);
  supplier.mutable_supplier()->set_active(true);
  MustOk(CatalogClient(server.Connect(server.admin_token()))
             .CreateSupplier(supplier)
             .status());
}

// A product priced at 2x `cost` with an item of `supplier` at `cost`
// (no VAT), and a shelf life when `shelf_life_days` is set.
inline void MakeSuppliedProduct(const RunningServer& server,
                                const std::string& head_office,
                                const std::string& supplier,
                                const std::string& sku, std::int64_t cost,
                                int shelf_life_days = 0) {
  v1::CreateProductRequest p;
  p.mutable_product()->set_sku(sku);
  p.mutable_product()->set_display_name("Product " + sku);
  p.mutable_product()->set_unit_of_measure("pcs");
  *p.mutable_product()->mutable_default_price() = Idr(2 * cost);
  p.mutable_product()->set_shelf_life_days(shelf_life_days);
  p.mutable_product()->set_active(true);
  MustOk(CatalogClient(server.Connect(head_office)).CreateProduct(p).status());
  v1::CreateSupplierItemRequest item;
  auto* i = item.mutable_supplier_item();
  i->set_supplier_code(supplier);
  i->set_sku(sku);
  i->set_supplier_sku("S-" + sku);
  i->set_pack_size_milli(1000);
  i->set_min_order_quantity_milli(1000);
  *i->mutable_unit_cost() = Idr(cost);
  i->set_tax_rate_basis_points(0);
  i->set_lead_time_days(1);
  i->set_active(true);
  MustOk(PurchasingClient(server.Connect(head_office))
             .CreateSupplierItem(item)
             .status());
}

struct DeliveredLot {
  std::string sku;
  std::string code;
  std::string expiry;  // "" none.
  std::int64_t units = 0;
};

// A delivery without an order, made by `maker` and approved by `checker`.
inline void ReceiveDelivery(const RunningServer& server,
                            const std::string& maker,
                            const std::string& checker,
                            const std::string& store,
                            const std::string& supplier,
                            const std::string& receipt_id,
                            const std::vector<DeliveredLot>& lots) {
  v1::CreateGoodsReceiptRequest receipt;
  receipt.set_store_code(store);
  receipt.set_receipt_id(receipt_id);
  receipt.set_supplier_code(supplier);
  for (const auto& lot : lots) {
    auto* line = receipt.add_lines();
    line->set_sku(lot.sku);
    line->set_received_milli(lot.units * 1000);
    line->set_lot_code(lot.code);
    line->set_expiry_date(lot.expiry);
  }
  MustOk(GoodsReceiptClient(server.Connect(maker))
             .CreateGoodsReceipt(receipt)
             .status());
  v1::ApproveGoodsReceiptRequest approve;
  approve.set_store_code(store);
  approve.set_receipt_id(receipt_id);
  MustOk(GoodsReceiptClient(server.Connect(checker))
             .ApproveGoodsReceipt(approve)
             .status());
}

// A cash sale at till T1 of `units` of `sku` at `price` each, just now.
inline Status SellNow(SalesClient& sales, const std::string& store,
                      const std::string& sale_id, const std::string& sku,
                      std::int64_t units, std::int64_t price) {
  using google::protobuf::util::TimeUtil;
  static std::atomic<long long> receipt_number{0};
  v1::RecordSaleRequest request;
  v1::Sale& sale = *request.mutable_sale();
  sale.set_sale_id(sale_id);
  sale.set_store_code(store);
  sale.set_terminal_code("T1");
  sale.set_cashier("ani");
  sale.set_receipt_number(++receipt_number);
  *sale.mutable_sale_time() =
      TimeUtil::GetCurrentTime() - TimeUtil::SecondsToDuration(1);
  v1::SaleLine& line = *sale.add_lines();
  line.set_line_number(1);
  line.set_sku(sku);
  line.set_quantity_milli(units * 1000);
  line.set_unit_price_minor(price);
  line.set_amount_minor(units * price);
  v1::Tender& tender = *sale.add_tenders();
  tender.set_type(v1::TENDER_TYPE_CASH);
  tender.set_amount_minor(units * price);
  return sales.RecordSale(request).status();
}

// The stock on hand of `sku` at `store`, -1 (and a failure) on an error.
inline std::int64_t OnHandOf(const RunningServer& server,
                             const std::string& token, const std::string& store,
                             const std::string& sku) {
  v1::GetStockLevelRequest r;
  r.set_store_code(store);
  r.set_sku(sku);
  auto level = InventoryClient(server.Connect(token)).GetStockLevel(r);
  if (!level.ok()) {
    ADD_FAILURE() << level.status();
    return -1;
  }
  return level->stock_level().on_hand_milli();
}

}  // namespace backoffice::testing

#endif  // BACKOFFICE_TESTS_SUPPORT_STORE_STOCK_HELPERS_H_
