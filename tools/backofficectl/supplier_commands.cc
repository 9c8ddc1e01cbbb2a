// payables, payment-run, invoice and credit-settings: the CreditService
// operations on what a store owes its suppliers. Tables print money as the
// currency writes it; --output json|csv keeps the exact integers.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "credit_input.h"
#include "credit_support.h"

namespace backoffice::ctl {
namespace {

// A run's states are a ledger request's, so `--state` reads the same names.
v1::PaymentRunState PaymentRunStateOf(v1::LedgerRequestState state) {
  switch (state) {
    case v1::LEDGER_REQUEST_STATE_PENDING_APPROVAL:
      return v1::PAYMENT_RUN_STATE_PENDING_APPROVAL;
    case v1::LEDGER_REQUEST_STATE_POSTED:
      return v1::PAYMENT_RUN_STATE_POSTED;
    case v1::LEDGER_REQUEST_STATE_REJECTED:
      return v1::PAYMENT_RUN_STATE_REJECTED;
    default:
      return v1::PAYMENT_RUN_STATE_UNSPECIFIED;
  }
}

// --- payables ---

void AddPayablesGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "payables", "what the stores owe their suppliers: due");
  group->require_subcommand(1);

  struct DueFlags {
    std::string store;
    std::optional<std::string> by;
    PageFlags page;
  };
  auto due_flags = std::make_shared<DueFlags>();
  CLI::App* due = group->add_subcommand(
      "due",
      "per supplier, the open payables due on or before a day; without a "
      "store (head office) every store");
  due->add_option("store", due_flags->store,
                  "the store's code (default: every store)");
  AddDayFlag(due, "--by", due_flags->by,
             "payables due on or before this day (for this week: its last "
             "day)")
      ->required();
  AddPageFlags(due, due_flags->page);
  SetAction(due, selected, [f = due_flags](const Session& session) {
    v1::ListPayablesDueRequest request;
    request.set_store_code(f->store);
    request.set_due_by_day(f->by.value_or(""));
    CreditClient client = session.credit();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListPayablesDue(r); });
  });
}

// --- payment-run ---

// The store and the run's id, as approve, reject and get take them.
struct PaymentRunKey {
  std::string store;
  std::string payment_run_id;
  std::string reason;
  std::string request_id;
};

void AddPaymentRunKey(CLI::App* app, PaymentRunKey& key) {
  app->add_option("store", key.store, "the store's code")->required();
  app->add_option("payment_run_id", key.payment_run_id, "the run's id")
      ->required();
}

void AddPaymentRunGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "payment-run",
      "one payment per supplier for what a store owes by a day, prepared by "
      "one person and paid on a second person's approval: prepare, approve, "
      "reject, get, list");
  group->require_subcommand(1);

  struct PrepareFlags {
    std::string store;
    std::optional<std::string> due_by;
    std::vector<std::string> suppliers;
    std::optional<v1::PaymentMethod> method;
    std::string reference;
    std::string note;
    std::string payment_run_id;
    std::string request_id;
  };
  auto prepare_flags = std::make_shared<PrepareFlags>();
  CLI::App* prepare = group->add_subcommand(
      "prepare",
      "prepare a run: every open payable due by the day that no blocked "
      "invoice holds and no other waiting run names, net of each supplier's "
      "open credits; nothing is paid until a second person approves it");
  prepare->add_option("store", prepare_flags->store, "the store's code")
      ->required();
  AddDayFlag(prepare, "--due-by", prepare_flags->due_by,
             "pay what is due on or before this day")
      ->required();
  prepare->add_option("--supplier", prepare_flags->suppliers,
                      "only this supplier (repeatable; default: every "
                      "supplier owed)");
  AddParsedFlag(prepare, "--method", prepare_flags->method, ParsePaymentMethod,
                "how the payments are made (default: bank-transfer)",
                PaymentMethodChoices());
  prepare->add_option("--reference", prepare_flags->reference,
                      "the bank batch's reference, 0-64 characters");
  prepare->add_option("--note", prepare_flags->note,
                      "a note, 0-500 characters");
  prepare->add_option("--id", prepare_flags->payment_run_id,
                      "the run's id, chosen by you (1-48 of A-Z a-z 0-9 - _; "
                      "default: a new random id, printed in the result)");
  AddRequestIdFlag(prepare, prepare_flags->request_id);
  SetAction(prepare, selected, [f = prepare_flags](const Session& session) {
    v1::PreparePaymentRunRequest request;
    request.set_store_code(f->store);
    request.set_payment_run_id(f->payment_run_id.empty() ? RandomId("run-")
                                                         : f->payment_run_id);
    request.set_due_by_day(f->due_by.value_or(""));
    for (const auto& supplier : f->suppliers) {
      request.add_supplier_codes(supplier);
    }
    request.set_method(f->method.value_or(v1::PAYMENT_METHOD_UNSPECIFIED));
    request.set_reference(f->reference);
    request.set_note(f->note);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.credit().PreparePaymentRun(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: payment run "
                << request.payment_run_id()
                << " was prepared before with the same content\n";
    }
    const v1::PaymentRun& run = response->payment_run();
    if (run.state() == v1::PAYMENT_RUN_STATE_PENDING_APPROVAL) {
      std::cerr << "backofficectl: payment run " << run.payment_run_id()
                << " pays " << run.lines_size() << " supplier"
                << (run.lines_size() == 1 ? "" : "s") << " "
                << FormatMoney(run.total().minor_units(),
                               run.total().currency_code())
                << " once "
                << (run.needs_head_office() ? "head office" : "a manager")
                << " who did not prepare it runs: backofficectl payment-run "
                   "approve "
                << run.store_code() << " " << run.payment_run_id() << "\n";
    }
    return PrintResponse(session, response);
  });

  auto approve_key = std::make_shared<PaymentRunKey>();
  CLI::App* approve = group->add_subcommand(
      "approve",
      "approve a waiting run and post every payment in it (a manager who "
      "did not prepare it; head office above the store's run limit)");
  AddPaymentRunKey(approve, *approve_key);
  AddRequestIdFlag(approve, approve_key->request_id);
  SetAction(approve, selected, [key = approve_key](const Session& session) {
    v1::ApprovePaymentRunRequest request;
    request.set_store_code(key->store);
    request.set_payment_run_id(key->payment_run_id);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session, session.credit().ApprovePaymentRun(request));
  });

  auto reject_key = std::make_shared<PaymentRunKey>();
  CLI::App* reject = group->add_subcommand(
      "reject",
      "refuse a waiting run with a reason: nothing is paid and its payables "
      "are free for another run");
  AddPaymentRunKey(reject, *reject_key);
  reject->add_option("--reason", reject_key->reason, "why, 1-500 characters")
      ->required();
  AddRequestIdFlag(reject, reject_key->request_id);
  SetAction(reject, selected, [key = reject_key](const Session& session) {
    v1::RejectPaymentRunRequest request;
    request.set_store_code(key->store);
    request.set_payment_run_id(key->payment_run_id);
    request.set_reason(key->reason);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session, session.credit().RejectPaymentRun(request));
  });

  auto get_key = std::make_shared<PaymentRunKey>();
  CLI::App* get =
      group->add_subcommand("get", "show one run with its lines and items");
  AddPaymentRunKey(get, *get_key);
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetPaymentRunRequest request;
    request.set_store_code(key->store);
    request.set_payment_run_id(key->payment_run_id);
    return PrintResponse(session, session.credit().GetPaymentRun(request));
  });

  struct ListFlags {
    std::string store;
    std::optional<v1::LedgerRequestState> state;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "a store's runs, newest first");
  list->add_option("store", list_flags->store, "the store's code")->required();
  AddParsedFlag(list, "--state", list_flags->state, ParseLedgerRequestState,
                "only the runs in this state", LedgerRequestStateChoices());
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListPaymentRunsRequest request;
    request.set_store_code(f->store);
    request.set_state(PaymentRunStateOf(
        f->state.value_or(v1::LEDGER_REQUEST_STATE_UNSPECIFIED)));
    CreditClient client = session.credit();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListPaymentRuns(r); });
  });
}

// --- invoice ---

// The store and the invoice's id, as accept and get take them.
struct InvoiceKey {
  std::string store;
  std::string invoice_id;
  std::string reason;
  std::string request_id;
};

void AddInvoiceKey(CLI::App* app, InvoiceKey& key) {
  app->add_option("store", key.store, "the store's code")->required();
  app->add_option("invoice_id", key.invoice_id, "the invoice's id")->required();
}

void AddInvoiceGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "invoice",
      "a supplier's invoice matched to the receipts it bills: match, accept, "
      "get");
  group->require_subcommand(1);

  struct MatchFlags {
    std::string store;
    std::string supplier;
    std::string invoice_number;
    std::optional<std::int64_t> amount;
    std::optional<std::string> currency;
    std::vector<std::string> receipt_ids;
    std::string invoice_id;
    std::string request_id;
  };
  auto match_flags = std::make_shared<MatchFlags>();
  CLI::App* match = group->add_subcommand(
      "match",
      "match a supplier's invoice to the receipts it bills against the "
      "orders' prices for what was received: within the store's tolerance "
      "it is MATCHED, beyond it BLOCKED; the same --id again is a replay");
  match->add_option("store", match_flags->store, "the store's code")
      ->required();
  match->add_option("--supplier", match_flags->supplier, "the supplier's code")
      ->required();
  match
      ->add_option("--invoice-number", match_flags->invoice_number,
                   "the supplier's invoice number, 1-64 characters")
      ->required();
  AddInt64Flag(match, "--amount", match_flags->amount,
               "what the invoice asks, VAT included, an integer in the "
               "currency's minor unit (15000 IDR)")
      ->required();
  AddCurrencyFlag(match, match_flags->currency);
  match
      ->add_option("--receipt", match_flags->receipt_ids,
                   "a posted receipt of the supplier's that the invoice bills "
                   "(repeatable, 1-100)")
      ->required();
  match->add_option("--id", match_flags->invoice_id,
                    "the invoice's id, chosen by you (A-Z a-z 0-9 - _; "
                    "default: a new random id, printed in the result)");
  AddRequestIdFlag(match, match_flags->request_id);
  match->footer(
      "A BLOCKED invoice's receipts cannot be paid until a manager who did "
      "not record\nit accepts the difference (backofficectl invoice accept "
      "STORE ID --reason TEXT).");
  SetAction(match, selected, [f = match_flags](const Session& session) {
    auto currency = AmountCurrency(session, f->store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    v1::MatchSupplierInvoiceRequest request;
    request.set_store_code(f->store);
    request.set_invoice_id(f->invoice_id.empty() ? RandomId("inv-")
                                                 : f->invoice_id);
    request.set_supplier_code(f->supplier);
    request.set_supplier_document(f->invoice_number);
    for (const auto& receipt_id : f->receipt_ids) {
      request.add_receipt_ids(receipt_id);
    }
    request.mutable_invoice_amount()->set_minor_units(f->amount.value_or(0));
    request.mutable_invoice_amount()->set_currency_code(*currency);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.credit().MatchSupplierInvoice(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: invoice " << request.invoice_id()
                << " was matched before with the same content\n";
    }
    if (response->invoice().state() == v1::SUPPLIER_INVOICE_STATE_BLOCKED) {
      std::cerr << BlockedInvoiceNotice(response->invoice());
    }
    return PrintResponse(session, response);
  });

  auto accept_key = std::make_shared<InvoiceKey>();
  CLI::App* accept = group->add_subcommand(
      "accept",
      "accept a blocked invoice's difference (a manager who did not record "
      "it): its receipts' payables are released and the difference is "
      "posted to the supplier's ledger");
  AddInvoiceKey(accept, *accept_key);
  accept->add_option("--reason", accept_key->reason, "why, 1-500 characters")
      ->required();
  AddRequestIdFlag(accept, accept_key->request_id);
  SetAction(accept, selected, [key = accept_key](const Session& session) {
    v1::AcceptSupplierInvoiceRequest request;
    request.set_store_code(key->store);
    request.set_invoice_id(key->invoice_id);
    request.set_reason(key->reason);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.credit().AcceptSupplierInvoice(request));
  });

  auto get_key = std::make_shared<InvoiceKey>();
  CLI::App* get = group->add_subcommand("get", "show one invoice");
  AddInvoiceKey(get, *get_key);
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetSupplierInvoiceRequest request;
    request.set_store_code(key->store);
    request.set_invoice_id(key->invoice_id);
    return PrintResponse(session, session.credit().GetSupplierInvoice(request));
  });
}

// --- credit-settings ---

void AddCreditSettingsGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "credit-settings",
      "a store's approval limits: supplier payments that wait for a second "
      "person, write-offs that head office approves; and how far a supplier "
      "invoice may differ and still match");
  group->require_subcommand(1);

  struct SettingsFlags {
    std::string store;
    std::optional<std::int64_t> supplier_payment_limit;
    std::optional<std::int64_t> write_off_limit;
    std::optional<std::int64_t> invoice_tolerance;
    std::optional<std::int64_t> run_limit;
    std::optional<std::string> currency;
    std::string request_id;
  };
  auto get_flags = std::make_shared<SettingsFlags>();
  CLI::App* get =
      group->add_subcommand("get", "a store's limits (0 when never set)");
  get->add_option("store", get_flags->store, "the store's code")->required();
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetCreditSettingsRequest request;
    request.set_store_code(f->store);
    return PrintResponse(session, session.credit().GetCreditSettings(request));
  });

  auto set_flags = std::make_shared<SettingsFlags>();
  CLI::App* set = group->add_subcommand(
      "set",
      "set a store's limits (head office); each is set, an omitted "
      "--payment-run-head-office-limit to 0");
  set->add_option("store", set_flags->store, "the store's code")->required();
  AddInt64Flag(set, "--supplier-payment-limit",
               set_flags->supplier_payment_limit,
               "supplier payments above it wait for a second person (0: "
               "every one), an integer in the currency's minor unit")
      ->required();
  AddInt64Flag(set, "--write-off-head-office-limit", set_flags->write_off_limit,
               "write-offs above it are approved by head office only, an "
               "integer in the currency's minor unit")
      ->required();
  AddInt64Flag(set, "--invoice-tolerance", set_flags->invoice_tolerance,
               "a supplier invoice may differ from the orders' prices for "
               "what was received by at most this much and still match, an "
               "integer in the currency's minor unit")
      ->required();
  AddInt64Flag(set, "--payment-run-head-office-limit", set_flags->run_limit,
               "payment runs whose total is above it are approved by head "
               "office only (default 0: every run), an integer in the "
               "currency's minor unit");
  AddCurrencyFlag(set, set_flags->currency);
  AddRequestIdFlag(set, set_flags->request_id);
  SetAction(set, selected, [f = set_flags](const Session& session) {
    auto currency = AmountCurrency(session, f->store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    v1::UpdateCreditSettingsRequest request;
    v1::CreditSettings& settings = *request.mutable_settings();
    settings.set_store_code(f->store);
    v1::Money& payment_limit =
        *settings.mutable_supplier_payment_approval_limit();
    payment_limit.set_minor_units(f->supplier_payment_limit.value_or(0));
    payment_limit.set_currency_code(*currency);
    v1::Money& write_off_limit =
        *settings.mutable_write_off_head_office_limit();
    write_off_limit.set_minor_units(f->write_off_limit.value_or(0));
    write_off_limit.set_currency_code(*currency);
    v1::Money& tolerance = *settings.mutable_invoice_match_tolerance();
    tolerance.set_minor_units(f->invoice_tolerance.value_or(0));
    tolerance.set_currency_code(*currency);
    v1::Money& run_limit = *settings.mutable_payment_run_head_office_limit();
    run_limit.set_minor_units(f->run_limit.value_or(0));
    run_limit.set_currency_code(*currency);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.credit().UpdateCreditSettings(request));
  });
}

}  // namespace

void AddSupplierLedgerCommands(CLI::App& app, Action& selected) {
  AddPayablesGroup(app, selected);
  AddPaymentRunGroup(app, selected);
  AddInvoiceGroup(app, selected);
  AddCreditSettingsGroup(app, selected);
}

}  // namespace backoffice::ctl
