// The demo's day on account, on the SDK only: warungs of one store buy on
// credit at a till, which asks for a hold before each sale; one order goes
// over its customer's limit and is refused, the manager who took it cannot
// override it himself (SELF_APPROVAL_FORBIDDEN), and the store's
// supervisor does; a till that was offline records a store-credit sale
// without a hold (recorded, listed for the manager); in the evening the
// customers pay: one payment settles several charges, one overpays and
// leaves an open credit.
#include <google/protobuf/util/time_util.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "backoffice/client.h"
#include "demo_support.h"

namespace {

namespace v1 = backoffice::v1;

using backoffice::demo::Rupiah;
using google::protobuf::util::TimeUtil;

struct Day {
  std::string address;
  std::string store;
  std::string terminal = "T1";
  std::string till_token;
  std::string manager_token;
  std::string supervisor_token;
  std::string clerk_token;
  std::string day_id;
  std::int64_t next_receipt = 0;
};

// The Jakarta store's price of a 5 kg sack of rice.
constexpr std::int64_t kRicePrice = 79500;

v1::Money Idr(std::int64_t minor) {
  v1::Money m;
  m.set_currency_code("IDR");
  m.set_minor_units(minor);
  return m;
}

backoffice::CreditClient Credit(const Day& d, const std::string& token) {
  return backoffice::CreditClient(
      backoffice::demo::ConnectOrExit(d.address, token, "credit_day"));
}

[[noreturn]] void Die(const std::string& what, const backoffice::Status& s) {
  std::cerr << "credit_day: " << what << ": " << s << "\n";
  std::exit(1);
}

// A sale of `sacks` of 5 kg rice (SKU-1006) at the store's price, on
// account.
backoffice::StatusOr<v1::RecordSaleResponse> Sell(
    Day& d, const std::string& sale_id, const std::string& customer,
    std::int64_t units, const std::string& authorization_id) {
  const std::int64_t unit_price = kRicePrice;
  v1::RecordSaleRequest request;
  v1::Sale& sale = *request.mutable_sale();
  sale.set_sale_id(sale_id);
  sale.set_store_code(d.store);
  sale.set_terminal_code(d.terminal);
  sale.set_cashier("Kasir Rina");
  sale.set_receipt_number(++d.next_receipt);
  *sale.mutable_sale_time() = TimeUtil::GetCurrentTime();
  v1::SaleLine& line = *sale.add_lines();
  line.set_line_number(1);
  line.set_sku("SKU-1006");
  line.set_quantity_milli(units * 1000);
  line.set_unit_price_minor(unit_price);
  line.set_amount_minor(units * unit_price);
  line.set_tax_rate_basis_points(1100);
  // Prices include PPN: the tax part of the amount, half up.
  line.set_tax_minor((units * unit_price * 1100 * 2 + 11100) / (2 * 11100));
  v1::Tender& tender = *sale.add_tenders();
  tender.set_type(v1::TENDER_TYPE_STORE_CREDIT);
  tender.set_amount_minor(units * unit_price);
  tender.set_customer_code(customer);
  tender.set_authorization_id(authorization_id);
  return backoffice::SalesClient(backoffice::demo::ConnectOrExit(
                                     d.address, d.till_token, "credit_day"))
      .RecordSale(request);
}

backoffice::StatusOr<v1::AuthorizeCreditResponse> Authorize(
    const Day& d, const std::string& token, const std::string& id,
    const std::string& customer, std::int64_t amount) {
  v1::AuthorizeCreditRequest r;
  r.set_store_code(d.store);
  r.set_authorization_id(id);
  r.set_customer_code(customer);
  r.set_terminal_code(d.terminal);
  *r.mutable_amount() = Idr(amount);
  return Credit(d, token).AuthorizeCredit(r);
}

// A hold, then the sale that uses it.
void BuyOnAccount(Day& d, const std::string& name, const std::string& customer,
                  std::int64_t units) {
  const std::int64_t unit_price = kRicePrice;
  const std::string id = d.day_id + "-" + name;
  auto hold =
      Authorize(d, d.till_token, "auth-" + id, customer, units * unit_price);
  if (!hold.ok()) Die("hold " + id, hold.status());
  auto sale = Sell(d, "sale-" + id, customer, units, "auth-" + id);
  if (!sale.ok()) Die("sale " + id, sale.status());
  std::cout << "  " << customer << " buys " << Rupiah(units * unit_price)
            << " on account (hold " << hold->authorization().authorization_id()
            << ", available before it "
            << Rupiah(hold->authorization().credit_limit().minor_units() -
                      hold->authorization().balance().minor_units() -
                      hold->authorization().open_holds().minor_units())
            << ")\n";
}

void Pay(const Day& d, const std::string& id, const std::string& customer,
         std::int64_t amount, v1::PaymentMethod method,
         const std::string& reference) {
  v1::RecordPaymentRequest r;
  r.set_store_code(d.store);
  r.set_payment_id(d.day_id + "-" + id);
  r.mutable_party()->set_kind(v1::PARTY_KIND_CUSTOMER);
  r.mutable_party()->set_code(customer);
  *r.mutable_amount() = Idr(amount);
  r.set_method(method);
  r.set_reference(reference);
  auto paid = Credit(d, d.clerk_token).RecordPayment(r);
  if (!paid.ok()) Die("payment " + id, paid.status());
  std::cout << "  " << customer << " pays " << Rupiah(amount) << " ("
            << reference << "): ";
  for (const auto& a : paid->allocations()) {
    std::cout << "document " << a.debit_document_number() << " "
              << Rupiah(a.amount().minor_units()) << "; ";
  }
  std::cout << "left open as credit "
            << Rupiah(paid->payment().open_amount().minor_units()) << "\n";
  // Sent again (a retry after a lost answer): the same payment, once.
  auto again = Credit(d, d.clerk_token).RecordPayment(r);
  if (!again.ok() || !again->replayed()) {
    Die("replay of payment " + id, again.status());
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"the demo's day on account of one store"};
  Day d;
  cli.add_option("--address", d.address, "backofficed host:port")
      ->envname("BACKOFFICE_ADDR")
      ->required();
  cli.add_option("--store", d.store)->required();
  cli.add_option("--till-token", d.till_token, "the till T1's own token")
      ->required();
  cli.add_option("--manager-token", d.manager_token,
                 "the store manager, who takes a phone order")
      ->required();
  cli.add_option("--supervisor-token", d.supervisor_token,
                 "a second manager of the store, who overrides")
      ->required();
  cli.add_option("--clerk-token", d.clerk_token,
                 "back-office staff, who record payments")
      ->required();
  cli.add_option("--day-id", d.day_id, "makes the day's ids unique")
      ->required();
  CLI11_PARSE(cli, argc, argv);

  // The till numbers its receipts on from the day's last.
  v1::CheckReceiptSequenceRequest check;
  check.set_store_code(d.store);
  check.set_terminal_code(d.terminal);
  check.set_business_day(d.day_id);
  auto sequence =
      backoffice::SalesClient(backoffice::demo::ConnectOrExit(
                                  d.address, d.manager_token, "credit_day"))
          .CheckReceiptSequence(check);
  if (!sequence.ok()) Die("receipt sequence", sequence.status());
  d.next_receipt = sequence->last_receipt_number();

  std::cout << "Warungs buy on account at " << d.store << "/" << d.terminal
            << "; the till asks for a hold before each sale:\n";
  BuyOnAccount(d, "sri-1", "C-001", 3);
  BuyOnAccount(d, "sri-2", "C-001", 2);
  BuyOnAccount(d, "kantin-1", "C-002", 10);
  BuyOnAccount(d, "sri-3", "C-001", 2);

  std::cout << "The school canteen orders 4 more sacks by phone; the manager "
               "takes it:\n";
  const std::string big = "auth-" + d.day_id + "-kantin-2";
  auto refused = Authorize(d, d.manager_token, big, "C-002", 4 * kRicePrice);
  if (refused.ok()) {
    std::cerr << "credit_day: the canteen's order was not refused\n";
    return 1;
  }
  std::cout << "  refused: " << refused.status().reason() << " ("
            << refused.status().message() << ")\n";
  v1::OverrideCreditAuthorizationRequest override_request;
  override_request.set_store_code(d.store);
  override_request.set_authorization_id(big);
  override_request.set_reason("school pays at the start of the month");
  auto self =
      Credit(d, d.manager_token).OverrideCreditAuthorization(override_request);
  if (self.ok() || self.status().reason() != "SELF_APPROVAL_FORBIDDEN") {
    std::cerr << "credit_day: the manager overrode his own request\n";
    return 1;
  }
  std::cout << "  the manager's own override: " << self.status().reason()
            << "\n";
  auto overridden = Credit(d, d.supervisor_token)
                        .OverrideCreditAuthorization(override_request);
  if (!overridden.ok()) Die("override", overridden.status());
  std::cout << "  the supervisor overrides it (by "
            << overridden->authorization().overridden_by() << ", asked by "
            << overridden->authorization().requested_by() << ")\n";
  auto big_sale = Sell(d, "sale-" + d.day_id + "-kantin-2", "C-002", 4, big);
  if (!big_sale.ok()) Die("the canteen's sale", big_sale.status());

  std::cout << "T1 lost its connection for a moment and recorded a sale on "
               "account without a hold:\n";
  auto offline = Sell(d, "sale-" + d.day_id + "-sri-offline", "C-001", 1, "");
  if (!offline.ok()) Die("offline sale", offline.status());
  std::cout << "  recorded, with exception "
            << (offline->sale().exceptions_size() > 0
                    ? offline->sale().exceptions(0).kind()
                    : std::string("none"))
            << "\n";

  std::cout << "In the evening the customers pay:\n";
  Pay(d, "pay-sri", "C-001", 450000, v1::PAYMENT_METHOD_CASH,
      "cash at the counter");
  Pay(d, "pay-kantin", "C-002", 1200000, v1::PAYMENT_METHOD_BANK_TRANSFER,
      "BCA transfer");
  return 0;
}
