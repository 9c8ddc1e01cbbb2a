// credit, payment, account, write-off, approve, reject and requests: the
// CreditService operations on customers' accounts and the ledger requests
// (supplier_commands.cc has the suppliers' side).
// Tables print money as the currency writes it; --output json|csv keeps the
// exact integers.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "credit_input.h"
#include "credit_support.h"

namespace backoffice::ctl {
namespace {

using google::protobuf::Message;

// --customer CODE or --supplier CODE, exactly one.
struct PartyFlags {
  std::string customer;
  std::string supplier;
};

void AddPartyFlags(CLI::App* app, PartyFlags& f) {
  CLI::Option_group* group = app->add_option_group(
      "Party", "exactly one of --customer and --supplier");
  group->add_option("--customer", f.customer,
                    "a credit customer's code within the store");
  group->add_option("--supplier", f.supplier, "a supplier's code");
  group->require_option(1);
}

v1::Party PartyOf(const PartyFlags& f) {
  v1::Party party;
  if (!f.customer.empty()) {
    party.set_kind(v1::PARTY_KIND_CUSTOMER);
    party.set_code(f.customer);
  } else {
    party.set_kind(v1::PARTY_KIND_SUPPLIER);
    party.set_code(f.supplier);
  }
  return party;
}

// --allocate DOCNUM=AMOUNT (repeatable) into `target`; a bad one is a
// usage error naming the flag.
CLI::Option* AddAllocateFlag(CLI::App* app,
                             std::vector<v1::AllocationInput>& target,
                             const std::string& help) {
  return app
      ->add_option_function<std::vector<std::string>>(
          "--allocate",
          [&target](const std::vector<std::string>& texts) {
            for (const auto& text : texts) {
              auto allocation = ParseAllocation(text);
              if (!allocation.ok()) {
                throw CLI::ValidationError("--allocate",
                                           allocation.status().message());
              }
              target.push_back(*allocation);
            }
          },
          help)
      ->type_name("DOCNUM=AMOUNT");
}

// Copies `allocations` into `out`, in `currency`.
template <typename Request>
void AddAllocations(const std::vector<v1::AllocationInput>& allocations,
                    const std::string& currency, Request& request) {
  for (const auto& allocation : allocations) {
    v1::AllocationInput& added = *request.add_allocations();
    added = allocation;
    added.mutable_amount()->set_currency_code(currency);
  }
}

// Prints one ledger request in the session's format.
int PrintLedgerRequest(const Session& session,
                       const v1::LedgerRequest& ledger_request) {
  v1::RejectLedgerRequestResponse entity;
  *entity.mutable_request() = ledger_request;
  return PrintResponse(
      session, StatusOr<v1::RejectLedgerRequestResponse>(std::move(entity)));
}

// "supplier-payment" or "write-off", as `approve --type` takes it.
std::string LedgerRequestTypeText(v1::LedgerRequestType type) {
  return type == v1::LEDGER_REQUEST_TYPE_WRITE_OFF ? "write-off"
                                                   : "supplier-payment";
}

// --- credit ---

struct AuthorizationKey {
  std::string store;
  std::string authorization_id;
  std::string reason;
  std::string request_id;
};

int PrintAuthorization(const Session& session,
                       const v1::CreditAuthorization& authorization) {
  v1::GetCreditAuthorizationResponse entity;
  *entity.mutable_authorization() = authorization;
  return PrintResponse(
      session, StatusOr<v1::GetCreditAuthorizationResponse>(std::move(entity)));
}

void AddCreditGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "credit",
      "holds of a credit customer's limit for a sale: authorize, override, "
      "get, release; and the store-credit sales recorded without one "
      "(exceptions)");
  group->require_subcommand(1);

  struct AuthorizeFlags {
    std::string store;
    std::string customer;
    std::string terminal;
    std::optional<std::int64_t> amount;
    std::optional<std::string> currency;
    std::string authorization_id;
    std::string request_id;
  };
  auto authorize_flags = std::make_shared<AuthorizeFlags>();
  CLI::App* authorize = group->add_subcommand(
      "authorize",
      "hold an amount of a customer's credit for a sale at a till; over the "
      "limit it is refused but kept, for a manager to override; the same "
      "--id again is a replay");
  authorize->add_option("store", authorize_flags->store, "the store's code")
      ->required();
  authorize
      ->add_option("customer", authorize_flags->customer,
                   "the customer's code within the store")
      ->required();
  authorize
      ->add_option("--terminal", authorize_flags->terminal, "the till's code")
      ->required();
  AddInt64Flag(authorize, "--amount", authorize_flags->amount,
               "the amount to hold, an integer in the currency's minor unit "
               "(15000 IDR)")
      ->required();
  AddCurrencyFlag(authorize, authorize_flags->currency);
  authorize
      ->add_option("--id", authorize_flags->authorization_id,
                   "the authorization's id, chosen by you (A-Z a-z 0-9 - _)")
      ->required();
  AddRequestIdFlag(authorize, authorize_flags->request_id);
  SetAction(authorize, selected, [f = authorize_flags](const Session& session) {
    auto currency = AmountCurrency(session, f->store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    v1::AuthorizeCreditRequest request;
    request.set_store_code(f->store);
    request.set_authorization_id(f->authorization_id);
    request.set_customer_code(f->customer);
    request.set_terminal_code(f->terminal);
    request.mutable_amount()->set_minor_units(f->amount.value_or(0));
    request.mutable_amount()->set_currency_code(*currency);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.credit().AuthorizeCredit(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: authorization "
                << f->authorization_id
                << " was asked before with the same content\n";
    }
    return PrintAuthorization(session, response->authorization());
  });

  auto add_key = [](CLI::App* app, AuthorizationKey& key, bool change,
                    bool reason) {
    app->add_option("store", key.store, "the store's code")->required();
    app->add_option("authorization_id", key.authorization_id,
                    "the authorization's id")
        ->required();
    if (reason) {
      app->add_option("--reason", key.reason, "why, 1-500 characters")
          ->required();
    }
    if (change) AddRequestIdFlag(app, key.request_id);
  };

  auto override_key = std::make_shared<AuthorizationKey>();
  CLI::App* override_command = group->add_subcommand(
      "override",
      "let a refused (over-limit) authorization hold its amount after all "
      "(a store manager or head office who did not ask for it)");
  add_key(override_command, *override_key, true, true);
  SetAction(
      override_command, selected, [key = override_key](const Session& session) {
        v1::OverrideCreditAuthorizationRequest request;
        request.set_store_code(key->store);
        request.set_authorization_id(key->authorization_id);
        request.set_reason(key->reason);
        request.set_request_id(RequestIdOrNew(key->request_id));
        return PrintResponse(
            session, session.credit().OverrideCreditAuthorization(request));
      });

  auto get_key = std::make_shared<AuthorizationKey>();
  CLI::App* get = group->add_subcommand("get", "show one authorization");
  add_key(get, *get_key, false, false);
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetCreditAuthorizationRequest request;
    request.set_store_code(key->store);
    request.set_authorization_id(key->authorization_id);
    return PrintResponse(session,
                         session.credit().GetCreditAuthorization(request));
  });

  auto release_key = std::make_shared<AuthorizationKey>();
  CLI::App* release = group->add_subcommand(
      "release",
      "give a held amount back before it expires (the sale was abandoned)");
  add_key(release, *release_key, true, false);
  SetAction(release, selected, [key = release_key](const Session& session) {
    v1::ReleaseCreditAuthorizationRequest request;
    request.set_store_code(key->store);
    request.set_authorization_id(key->authorization_id);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.credit().ReleaseCreditAuthorization(request));
  });

  struct ExceptionFlags {
    std::string store;
    std::optional<std::string> day;
    PageFlags page;
  };
  auto exception_flags = std::make_shared<ExceptionFlags>();
  CLI::App* exceptions = group->add_subcommand(
      "exceptions",
      "store-credit sales recorded without a valid authorization (a till "
      "that was offline), newest first");
  exceptions->add_option("store", exception_flags->store, "the store's code")
      ->required();
  AddDayFlag(exceptions, "--day", exception_flags->day,
             "only the sales of this business day");
  AddPageFlags(exceptions, exception_flags->page);
  SetAction(exceptions, selected,
            [f = exception_flags](const Session& session) {
              v1::ListCreditExceptionsRequest request;
              request.set_store_code(f->store);
              request.set_business_day(f->day.value_or(""));
              CreditClient client = session.credit();
              return ListPages(session, request, f->page, [&](const auto& r) {
                return client.ListCreditExceptions(r);
              });
            });
}

// --- payment ---

void AddPaymentGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "payment",
      "money paid by a credit customer or to a supplier: record, reverse");
  group->require_subcommand(1);

  struct RecordFlags {
    std::string store;
    PartyFlags party;
    std::optional<std::int64_t> amount;
    std::optional<std::string> currency;
    std::optional<v1::PaymentMethod> method;
    std::string reference;
    std::string terminal;
    std::string payment_id;
    std::vector<v1::AllocationInput> allocations;
    std::string note;
    std::string request_id;
  };
  auto record_flags = std::make_shared<RecordFlags>();
  CLI::App* record = group->add_subcommand(
      "record",
      "record a payment and set it against open charges: oldest due first, "
      "or the documents given with --allocate; the same --id again is a "
      "replay");
  record->add_option("store", record_flags->store, "the store's code")
      ->required();
  AddPartyFlags(record, record_flags->party);
  AddInt64Flag(record, "--amount", record_flags->amount,
               "the amount, an integer in the currency's minor unit (15000 "
               "IDR)")
      ->required();
  AddCurrencyFlag(record, record_flags->currency);
  AddParsedFlag(record, "--method", record_flags->method, ParsePaymentMethod,
                "how it was paid", PaymentMethodChoices())
      ->required();
  record->add_option("--reference", record_flags->reference,
                     "the bank or QRIS reference, up to 64 characters");
  record->add_option("--terminal", record_flags->terminal,
                     "the till that took cash on account");
  record->add_option("--id", record_flags->payment_id,
                     "the payment's id, chosen by you (A-Z a-z 0-9 - _; "
                     "default: a new random id, printed in the result)");
  AddAllocateFlag(
      record, record_flags->allocations,
      "DOCUMENT_NUMBER=AMOUNT_MINOR: pay this much of this open document "
      "(repeatable); without it the oldest due are paid first");
  record->footer(
      "A payment to a supplier above the store's limit is not posted: it "
      "waits for a\nsecond person (backofficectl approve STORE ID --type "
      "supplier-payment), and\nthe waiting request is printed instead of the "
      "payment.");
  record->add_option("--note", record_flags->note,
                     "a free note, up to 500 characters");
  AddRequestIdFlag(record, record_flags->request_id);
  SetAction(record, selected, [f = record_flags](const Session& session) {
    auto currency = AmountCurrency(session, f->store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    v1::RecordPaymentRequest request;
    request.set_store_code(f->store);
    request.set_payment_id(f->payment_id.empty() ? RandomId("pay-")
                                                 : f->payment_id);
    *request.mutable_party() = PartyOf(f->party);
    request.mutable_amount()->set_minor_units(f->amount.value_or(0));
    request.mutable_amount()->set_currency_code(*currency);
    request.set_method(f->method.value_or(v1::PAYMENT_METHOD_UNSPECIFIED));
    request.set_reference(f->reference);
    request.set_terminal_code(f->terminal);
    AddAllocations(f->allocations, *currency, request);
    request.set_note(f->note);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.credit().RecordPayment(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: payment " << request.payment_id()
                << " was recorded before with the same content\n";
    }
    if (response->has_approval_request()) {
      const v1::LedgerRequest& waiting = response->approval_request();
      std::cerr << "backofficectl: payment " << request.payment_id()
                << " is not posted: it waits for approval as ledger request "
                << waiting.ledger_request_id() << " ("
                << v1::LedgerRequestState_Name(waiting.state())
                << (waiting.needs_head_office() ? ", head office" : "")
                << "); approve it with: backofficectl approve "
                << waiting.store_code() << ' ' << waiting.ledger_request_id()
                << " --type " << LedgerRequestTypeText(waiting.type()) << '\n';
      return PrintLedgerRequest(session, waiting);
    }
    return PrintResponse(session, response);
  });

  struct ReverseFlags {
    std::string store;
    std::string payment_id;
    std::string reason;
    std::string request_id;
  };
  auto reverse_flags = std::make_shared<ReverseFlags>();
  CLI::App* reverse = group->add_subcommand(
      "reverse",
      "reverse a payment (bounced, recorded by mistake): the charges it paid "
      "are open again");
  reverse->add_option("store", reverse_flags->store, "the store's code")
      ->required();
  reverse
      ->add_option("payment_id", reverse_flags->payment_id, "the payment's id")
      ->required();
  reverse
      ->add_option("--reason", reverse_flags->reason,
                   "why (bounced, recorded by mistake), 1-500 characters")
      ->required();
  AddRequestIdFlag(reverse, reverse_flags->request_id);
  SetAction(reverse, selected, [f = reverse_flags](const Session& session) {
    v1::ReversePaymentRequest request;
    request.set_store_code(f->store);
    request.set_payment_id(f->payment_id);
    request.set_reason(f->reason);
    request.set_request_id(RequestIdOrNew(f->request_id));
    auto response = session.credit().ReversePayment(request);
    if (!response.ok()) return Fail(response.status());
    if (response->replayed()) {
      std::cerr << "backofficectl: replayed: payment " << f->payment_id
                << " had been reversed already\n";
    }
    return PrintResponse(session, response);
  });
}

// --- account ---

// The table view leads with the balances and lists the statement's lines
// below, then its allocations. JSON is the whole response; CSV lists the
// lines with the balances on stderr, as `verify` does.
Status PrintStatement(const Session& session,
                      const v1::GetStatementResponse& response) {
  if (session.format() == OutputFormat::kJson) {
    return PrintMessage(std::cout, session.format(), response);
  }
  std::string summary =
      "opening_balance=" + MoneyText(session, response.opening_balance()) +
      " closing_balance=" + MoneyText(session, response.closing_balance()) +
      " lines=" + std::to_string(response.lines_size()) +
      " allocations=" + std::to_string(response.allocations_size());
  if (response.truncated()) {
    summary +=
        " truncated (more than 5000 documents: ask for a shorter "
        "period)";
  }
  std::vector<const Message*> lines;
  for (const auto& line : response.lines()) lines.push_back(&line);
  if (session.format() == OutputFormat::kCsv) {
    std::cerr << summary << '\n';
    return PrintItems(session, *v1::StatementLine::descriptor(), lines);
  }
  std::cout << summary << '\n';
  if (!lines.empty()) {
    Status printed =
        PrintItems(session, *v1::StatementLine::descriptor(), lines);
    if (!printed.ok()) return printed;
  }
  if (response.allocations().empty()) return Status();
  std::vector<const Message*> allocations;
  for (const auto& a : response.allocations()) allocations.push_back(&a);
  std::cout << '\n';
  return PrintItems(session, *v1::Allocation::descriptor(), allocations);
}

void AddAccountGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "account",
      "a customer's or a supplier's account at a store: get, open-items, "
      "statement; and the ageing of every account");
  group->require_subcommand(1);

  struct AccountFlags {
    std::string store;
    PartyFlags party;
    std::optional<std::string> from;
    std::optional<std::string> to;
    PageFlags page;
  };

  auto get_flags = std::make_shared<AccountFlags>();
  CLI::App* get = group->add_subcommand(
      "get", "the balance, open holds, limit and what is available");
  get->add_option("store", get_flags->store, "the store's code")->required();
  AddPartyFlags(get, get_flags->party);
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetAccountRequest request;
    request.set_store_code(f->store);
    *request.mutable_party() = PartyOf(f->party);
    return PrintResponse(session, session.credit().GetAccount(request));
  });

  auto items_flags = std::make_shared<AccountFlags>();
  CLI::App* items = group->add_subcommand(
      "open-items", "the open documents, debits and credits, oldest due first");
  items->add_option("store", items_flags->store, "the store's code")
      ->required();
  AddPartyFlags(items, items_flags->party);
  AddPageFlags(items, items_flags->page);
  SetAction(items, selected, [f = items_flags](const Session& session) {
    v1::ListOpenItemsRequest request;
    request.set_store_code(f->store);
    *request.mutable_party() = PartyOf(f->party);
    CreditClient client = session.credit();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListOpenItems(r); });
  });

  auto statement_flags = std::make_shared<AccountFlags>();
  CLI::App* statement = group->add_subcommand(
      "statement",
      "the opening balance, every document of the period with the balance "
      "after it, and the closing balance");
  statement->add_option("store", statement_flags->store, "the store's code")
      ->required();
  AddPartyFlags(statement, statement_flags->party);
  AddDayFlag(statement, "--from", statement_flags->from,
             "the first business day")
      ->required();
  AddDayFlag(statement, "--to", statement_flags->to,
             "the last business day, at most 366 days after the first")
      ->required();
  statement->footer(
      "Prints opening_balance, closing_balance and the counts, then one row "
      "per\nline and one per allocation; with --output json the whole "
      "response, with\n--output csv the lines (the balances on stderr).");
  SetAction(statement, selected, [f = statement_flags](const Session& session) {
    v1::GetStatementRequest request;
    request.set_store_code(f->store);
    *request.mutable_party() = PartyOf(f->party);
    request.set_from_day(f->from.value_or(""));
    request.set_to_day(f->to.value_or(""));
    auto response = session.credit().GetStatement(request);
    if (!response.ok()) return Fail(response.status());
    Status printed = PrintStatement(session, *response);
    return printed.ok() ? kExitOk : Fail(printed);
  });

  struct AgeingFlags {
    std::string store;
    bool customers = false;
    bool suppliers = false;
    std::optional<std::string> as_of;
    bool totals = false;
    PageFlags page;
  };
  auto ageing_flags = std::make_shared<AgeingFlags>();
  CLI::App* ageing = group->add_subcommand(
      "ageing",
      "open amounts by days past due, one row per party; without a store "
      "(head office) every store, with the chain's totals");
  ageing->add_option("store", ageing_flags->store,
                     "the store's code (default: every store)");
  CLI::Option_group* kind = ageing->add_option_group(
      "Parties", "exactly one of --customers and --suppliers");
  kind->add_flag("--customers", ageing_flags->customers,
                 "what credit customers owe (receivables)");
  kind->add_flag("--suppliers", ageing_flags->suppliers,
                 "what the store owes its suppliers (payables)");
  kind->require_option(1);
  AddDayFlag(ageing, "--as-of", ageing_flags->as_of,
             "the business day to age as of (default: today in each store)");
  ageing->add_flag("--totals", ageing_flags->totals,
                   "print the totals (per store, then the chain's) instead "
                   "of the rows");
  AddPageFlags(ageing, ageing_flags->page);
  ageing->footer(
      "Prints the rows of the page (every page with --all); a table adds the "
      "totals\nbelow them when it starts from the first page. --totals "
      "prints only the\ntotals, in any format.");
  SetAction(ageing, selected, [f = ageing_flags](const Session& session) {
    v1::GetAgeingRequest request;
    request.set_store_code(f->store);
    request.set_party_kind(f->customers ? v1::PARTY_KIND_CUSTOMER
                                        : v1::PARTY_KIND_SUPPLIER);
    request.set_as_of_day(f->as_of.value_or(""));
    CreditClient client = session.credit();
    if (f->totals) {
      // The totals come on the first page, whatever its size.
      request.set_page_size(1);
      auto response = client.GetAgeing(request);
      if (!response.ok()) return Fail(response.status());
      std::vector<const Message*> totals;
      for (const auto& row : response->totals()) totals.push_back(&row);
      Status printed =
          PrintItems(session, *v1::AgeingRow::descriptor(), totals);
      return printed.ok() ? kExitOk : Fail(printed);
    }
    if (session.format() != OutputFormat::kTable) {
      return ListPages(session, request, f->page,
                       [&](const auto& r) { return client.GetAgeing(r); });
    }
    request.set_page_size(f->page.page_size);
    request.set_page_token(f->page.page_token);
    std::vector<v1::GetAgeingResponse> pages;
    std::string next_page_token;
    while (true) {
      auto response = client.GetAgeing(request);
      if (!response.ok()) return Fail(response.status());
      next_page_token = response->next_page_token();
      pages.push_back(std::move(*response));
      if (next_page_token.empty() || !f->page.all) break;
      request.set_page_token(next_page_token);
    }
    std::vector<const Message*> rows;
    for (const auto& page : pages) {
      for (const auto& row : page.rows()) rows.push_back(&row);
    }
    std::cout << "as of " << pages.front().as_of_day() << '\n';
    Status printed = PrintItems(session, *v1::AgeingRow::descriptor(), rows);
    if (!printed.ok()) return Fail(printed);
    std::vector<const Message*> totals;
    for (const auto& row : pages.front().totals()) totals.push_back(&row);
    if (!totals.empty()) {
      std::cout << "\ntotals\n";
      printed = PrintItems(session, *v1::AgeingRow::descriptor(), totals);
      if (!printed.ok()) return Fail(printed);
    }
    if (!next_page_token.empty()) PrintNextPageHint(next_page_token);
    return kExitOk;
  });
}

// --- write-off, approve, reject, requests ---

void AddWriteOffGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "write-off",
      "uncollectable debt of a credit customer: request a write-off, which "
      "waits for a second person (backofficectl approve)");
  group->require_subcommand(1);

  struct RequestFlags {
    std::string store;
    std::string customer;
    std::optional<std::int64_t> amount;
    std::optional<std::string> currency;
    std::string reason;
    std::string write_off_id;
    std::vector<v1::AllocationInput> allocations;
    std::string request_id;
  };
  auto request_flags = std::make_shared<RequestFlags>();
  CLI::App* request_command = group->add_subcommand(
      "request",
      "ask to write off a customer's debt: a store manager who is not you "
      "approves it, head office above the store's limit; the same --id again "
      "is a replay");
  request_command->add_option("store", request_flags->store, "the store's code")
      ->required();
  request_command
      ->add_option("customer", request_flags->customer,
                   "the customer's code within the store")
      ->required();
  AddInt64Flag(request_command, "--amount", request_flags->amount,
               "the amount, an integer in the currency's minor unit (15000 "
               "IDR), at most what the customer owes")
      ->required();
  AddCurrencyFlag(request_command, request_flags->currency);
  request_command
      ->add_option("--reason", request_flags->reason,
                   "why the debt cannot be collected, 1-500 characters")
      ->required();
  request_command->add_option(
      "--id", request_flags->write_off_id,
      "the write-off's id, chosen by you (A-Z a-z 0-9 - _; default: a new "
      "random id, printed in the result)");
  AddAllocateFlag(
      request_command, request_flags->allocations,
      "DOCUMENT_NUMBER=AMOUNT_MINOR: write off this much of this open charge "
      "(repeatable); without it the oldest due first");
  AddRequestIdFlag(request_command, request_flags->request_id);
  SetAction(
      request_command, selected, [f = request_flags](const Session& session) {
        auto currency = AmountCurrency(session, f->store, f->currency);
        if (!currency.ok()) return Fail(currency.status());
        v1::RequestWriteOffRequest request;
        request.set_store_code(f->store);
        request.set_write_off_id(f->write_off_id.empty() ? RandomId("wo-")
                                                         : f->write_off_id);
        request.set_customer_code(f->customer);
        request.mutable_amount()->set_minor_units(f->amount.value_or(0));
        request.mutable_amount()->set_currency_code(*currency);
        AddAllocations(f->allocations, *currency, request);
        request.set_reason(f->reason);
        request.set_request_id(RequestIdOrNew(f->request_id));
        auto response = session.credit().RequestWriteOff(request);
        if (!response.ok()) return Fail(response.status());
        if (response->replayed()) {
          std::cerr << "backofficectl: replayed: write-off "
                    << request.write_off_id()
                    << " was asked before with the same content\n";
        }
        return PrintLedgerRequest(session, response->request());
      });
}

// The store, the request's id and its --type, as approve and reject take
// them.
struct LedgerRequestKey {
  std::string store;
  std::string ledger_request_id;
  std::optional<v1::LedgerRequestType> type;
  std::string reason;
  std::string request_id;
};

void AddLedgerRequestKey(CLI::App* app, LedgerRequestKey& key) {
  app->add_option("store", key.store, "the store's code")->required();
  app->add_option("ledger_request_id", key.ledger_request_id,
                  "the request's id (a supplier payment's payment id, a "
                  "write-off's id)")
      ->required();
  AddParsedFlag(app, "--type", key.type, ParseLedgerRequestType,
                "what the request asks for", LedgerRequestTypeChoices())
      ->required();
  AddRequestIdFlag(app, key.request_id);
}

void AddDecisionCommands(CLI::App& root, Action& selected) {
  auto approve_key = std::make_shared<LedgerRequestKey>();
  CLI::App* approve = root.add_subcommand(
      "approve",
      "approve a waiting ledger request (a supplier payment above the "
      "store's limit, a write-off) and post it: a manager who did not make "
      "it, head office above the limit");
  AddLedgerRequestKey(approve, *approve_key);
  SetAction(approve, selected, [key = approve_key](const Session& session) {
    v1::ApproveLedgerRequestRequest request;
    request.set_store_code(key->store);
    request.set_ledger_request_id(key->ledger_request_id);
    request.set_type(key->type.value_or(v1::LEDGER_REQUEST_TYPE_UNSPECIFIED));
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.credit().ApproveLedgerRequest(request));
  });

  auto reject_key = std::make_shared<LedgerRequestKey>();
  CLI::App* reject = root.add_subcommand(
      "reject",
      "refuse a waiting ledger request with a reason: nothing is "
      "posted");
  AddLedgerRequestKey(reject, *reject_key);
  reject->add_option("--reason", reject_key->reason, "why, 1-500 characters")
      ->required();
  SetAction(reject, selected, [key = reject_key](const Session& session) {
    v1::RejectLedgerRequestRequest request;
    request.set_store_code(key->store);
    request.set_ledger_request_id(key->ledger_request_id);
    request.set_type(key->type.value_or(v1::LEDGER_REQUEST_TYPE_UNSPECIFIED));
    request.set_reason(key->reason);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.credit().RejectLedgerRequest(request));
  });
}

void AddRequestsGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "requests",
      "the ledger requests of a store that wait for (or had) a second "
      "person: supplier payments above the limit, write-offs");
  group->require_subcommand(1);

  struct ListFlags {
    std::string store;
    std::optional<v1::LedgerRequestState> state;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand("list",
                                         "a store's requests, newest "
                                         "first");
  list->add_option("store", list_flags->store, "the store's code")->required();
  AddParsedFlag(list, "--state", list_flags->state, ParseLedgerRequestState,
                "only the requests in this state", LedgerRequestStateChoices());
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListLedgerRequestsRequest request;
    request.set_store_code(f->store);
    request.set_state(f->state.value_or(v1::LEDGER_REQUEST_STATE_UNSPECIFIED));
    CreditClient client = session.credit();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return client.ListLedgerRequests(r);
    });
  });
}

}  // namespace

void AddCreditCommands(CLI::App& app, Action& selected) {
  AddCreditGroup(app, selected);
  AddPaymentGroup(app, selected);
  AddAccountGroup(app, selected);
  AddWriteOffGroup(app, selected);
  AddDecisionCommands(app, selected);
  AddRequestsGroup(app, selected);
}

}  // namespace backoffice::ctl
