// session open|drop|payout|close|accept|get|list and closing-settings
// get|set: a cashier's till session from its float to the counted cash,
// and the store's variance threshold. Amounts are integers in the
// currency's minor unit (whole rupiah).
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"
#include "credit_support.h"

namespace backoffice::ctl {
namespace {

struct SessionKey {
  std::string store, session_id, reason, request_id;
};

void AddSessionKey(CLI::App* app, SessionKey& key) {
  app->add_option("store", key.store, "the store's code")->required();
  app->add_option("session_id", key.session_id, "the session's id")->required();
  AddRequestIdFlag(app, key.request_id);
}

// --denomination VALUE:COUNT, counted notes or coins of one value.
StatusOr<v1::DenominationCount> ParseDenomination(const std::string& text) {
  const auto colon = text.find(':');
  try {
    if (colon == std::string::npos) throw std::invalid_argument(text);
    v1::DenominationCount d;
    std::size_t used = 0;
    d.set_value_minor(std::stoll(text.substr(0, colon), &used));
    if (used != colon) throw std::invalid_argument(text);
    const std::string count = text.substr(colon + 1);
    d.set_count(std::stoll(count, &used));
    if (used != count.size()) throw std::invalid_argument(text);
    return d;
  } catch (const std::exception&) {
    return Status(StatusCode::kInvalidArgument, "INVALID_DENOMINATION",
                  "'" + text + "' is not VALUE:COUNT (100000:3)");
  }
}

void AddMovementCommand(CLI::App* group, Action& selected, bool payout) {
  struct Flags {
    SessionKey key;
    std::optional<std::int64_t> amount;
    std::optional<std::string> currency;
    std::string movement_id;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* app =
      group->add_subcommand(payout ? "payout" : "drop",
                            payout ? "pay cash out of the drawer, with a reason"
                                   : "take cash from the drawer to the safe");
  AddSessionKey(app, f->key);
  AddInt64Flag(app, "--amount", f->amount,
               "how much, an integer in the currency's minor unit")
      ->required();
  AddCurrencyFlag(app, f->currency);
  auto* reason = app->add_option(
      "--reason", f->key.reason,
      payout ? "why, 1-500 characters" : "a note, 0-500 characters");
  if (payout) reason->required();
  app->add_option("--id", f->movement_id,
                  "the movement's id, chosen by you (default: a new random "
                  "id); the same id again is a replay");
  SetAction(app, selected, [f, payout](const Session& session) {
    auto currency = AmountCurrency(session, f->key.store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    v1::RecordCashMovementRequest request;
    request.set_store_code(f->key.store);
    request.set_session_id(f->key.session_id);
    request.set_movement_id(f->movement_id.empty() ? RandomId("cash-")
                                                   : f->movement_id);
    request.set_kind(payout ? v1::CASH_MOVEMENT_KIND_PAYOUT
                            : v1::CASH_MOVEMENT_KIND_DROP);
    request.mutable_amount()->set_minor_units(f->amount.value_or(0));
    request.mutable_amount()->set_currency_code(*currency);
    request.set_reason(f->key.reason);
    request.set_request_id(RequestIdOrNew(f->key.request_id));
    return PrintResponse(session,
                         session.closing().RecordCashMovement(request));
  });
}

void AddSessionGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "session",
      "a cashier's till session: open (with the float), drop, payout, close "
      "(with the counted cash), accept (a variance, by a second person), "
      "get, list");
  group->require_subcommand(1);

  struct OpenFlags {
    std::string store, terminal, cashier, session_id, request_id;
    std::optional<std::int64_t> opening_float;
    std::optional<std::string> currency;
  };
  auto open_flags = std::make_shared<OpenFlags>();
  CLI::App* open = group->add_subcommand(
      "open", "open a session on a till; the same --id again is a replay");
  open->add_option("store", open_flags->store, "the store's code")->required();
  open->add_option("terminal", open_flags->terminal, "the till's code")
      ->required();
  open->add_option("--cashier", open_flags->cashier,
                   "the cashier, as the till names them on its sales")
      ->required();
  AddInt64Flag(open, "--float", open_flags->opening_float,
               "the opening float, an integer in the currency's minor unit")
      ->required();
  AddCurrencyFlag(open, open_flags->currency);
  open->add_option("--id", open_flags->session_id,
                   "the session's id, chosen by you (default: a new random "
                   "id)");
  AddRequestIdFlag(open, open_flags->request_id);
  SetAction(open, selected, [f = open_flags](const Session& session) {
    auto currency = AmountCurrency(session, f->store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    v1::OpenTillSessionRequest request;
    request.set_store_code(f->store);
    request.set_terminal_code(f->terminal);
    request.set_session_id(f->session_id.empty() ? RandomId("ses-")
                                                 : f->session_id);
    request.set_cashier(f->cashier);
    request.mutable_opening_float()->set_minor_units(
        f->opening_float.value_or(0));
    request.mutable_opening_float()->set_currency_code(*currency);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session, session.closing().OpenTillSession(request));
  });

  AddMovementCommand(group, selected, false);
  AddMovementCommand(group, selected, true);

  struct CloseFlags {
    SessionKey key;
    std::optional<std::int64_t> counted;
    std::optional<std::string> currency;
    std::vector<v1::DenominationCount> denominations;
  };
  auto close_flags = std::make_shared<CloseFlags>();
  CLI::App* close = group->add_subcommand(
      "close",
      "close a session with the counted cash (--counted, or --denomination "
      "VALUE:COUNT repeated); above the store's threshold the variance waits "
      "for a manager");
  AddSessionKey(close, close_flags->key);
  AddInt64Flag(close, "--counted", close_flags->counted,
               "the counted cash, an integer in the currency's minor unit");
  close
      ->add_option_function<std::vector<std::string>>(
          "--denomination",
          [f = close_flags.get()](const std::vector<std::string>& texts) {
            for (const auto& text : texts) {
              auto d = ParseDenomination(text);
              if (!d.ok()) {
                throw CLI::ValidationError("--denomination",
                                           d.status().message());
              }
              f->denominations.push_back(*d);
            }
          },
          "counted notes or coins of one value (repeatable): VALUE:COUNT")
      ->type_name("VALUE:COUNT");
  AddCurrencyFlag(close, close_flags->currency);
  SetAction(close, selected, [f = close_flags](const Session& session) {
    v1::CloseTillSessionRequest request;
    request.set_store_code(f->key.store);
    request.set_session_id(f->key.session_id);
    if (f->counted) {
      auto currency = AmountCurrency(session, f->key.store, f->currency);
      if (!currency.ok()) return Fail(currency.status());
      request.mutable_counted_cash()->set_minor_units(*f->counted);
      request.mutable_counted_cash()->set_currency_code(*currency);
    }
    for (const auto& d : f->denominations) *request.add_denominations() = d;
    request.set_request_id(RequestIdOrNew(f->key.request_id));
    auto response = session.closing().CloseTillSession(request);
    if (!response.ok()) return Fail(response.status());
    if (response->session().state() ==
        v1::TILL_SESSION_STATE_VARIANCE_PENDING) {
      std::cerr << "backofficectl: the variance waits for a manager who did "
                   "not open or close the till: backofficectl session "
                   "accept "
                << f->key.store << " " << f->key.session_id
                << " --reason ...\n";
    }
    return PrintResponse(session, response);
  });

  auto accept_key = std::make_shared<SessionKey>();
  CLI::App* accept = group->add_subcommand(
      "accept",
      "accept a pending variance with a reason (a manager who neither "
      "opened nor closed the till)");
  AddSessionKey(accept, *accept_key);
  accept->add_option("--reason", accept_key->reason, "why, 1-500 characters")
      ->required();
  SetAction(accept, selected, [key = accept_key](const Session& session) {
    v1::AcceptTillVarianceRequest request;
    request.set_store_code(key->store);
    request.set_session_id(key->session_id);
    request.set_reason(key->reason);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.closing().AcceptTillVariance(request));
  });

  auto get_key = std::make_shared<SessionKey>();
  CLI::App* get = group->add_subcommand(
      "get", "show one session; an open one with what its till should hold");
  get->add_option("store", get_key->store, "the store's code")->required();
  get->add_option("session_id", get_key->session_id, "the session's id")
      ->required();
  SetAction(get, selected, [key = get_key](const Session& session) {
    v1::GetTillSessionRequest request;
    request.set_store_code(key->store);
    request.set_session_id(key->session_id);
    return PrintResponse(session, session.closing().GetTillSession(request));
  });

  struct ListFlags {
    std::string store;
    std::optional<v1::TillSessionState> state;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list =
      group->add_subcommand("list", "a store's sessions, newest first");
  list->add_option("store", list_flags->store, "the store's code")->required();
  AddEnumFlag(list, "--state", list_flags->state,
              *v1::TillSessionState_descriptor(), "TILL_SESSION_STATE_",
              "only the sessions in this state");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListTillSessionsRequest request;
    request.set_store_code(f->store);
    request.set_state(f->state.value_or(v1::TILL_SESSION_STATE_UNSPECIFIED));
    ClosingClient client = session.closing();
    return ListPages(session, request, f->page,
                     [&](const auto& r) { return client.ListTillSessions(r); });
  });
}

void AddClosingSettingsGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "closing-settings",
      "a store's till variance threshold: a larger variance waits for a "
      "manager");
  group->require_subcommand(1);
  struct Flags {
    std::string store, request_id;
    std::optional<std::int64_t> threshold;
    std::optional<std::string> currency;
  };
  auto get_flags = std::make_shared<Flags>();
  CLI::App* get = group->add_subcommand("get", "a store's settings");
  get->add_option("store", get_flags->store, "the store's code")->required();
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetClosingSettingsRequest request;
    request.set_store_code(f->store);
    return PrintResponse(session,
                         session.closing().GetClosingSettings(request));
  });
  auto set_flags = std::make_shared<Flags>();
  CLI::App* set =
      group->add_subcommand("set", "set a store's settings (head office)");
  set->add_option("store", set_flags->store, "the store's code")->required();
  AddInt64Flag(set, "--till-variance-threshold", set_flags->threshold,
               "a larger variance either way waits for a manager (minor "
               "unit)")
      ->required();
  AddCurrencyFlag(set, set_flags->currency);
  AddRequestIdFlag(set, set_flags->request_id);
  SetAction(set, selected, [f = set_flags](const Session& session) {
    auto currency = AmountCurrency(session, f->store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    v1::UpdateClosingSettingsRequest request;
    request.mutable_settings()->set_store_code(f->store);
    v1::Money& threshold =
        *request.mutable_settings()->mutable_till_variance_threshold();
    threshold.set_minor_units(f->threshold.value_or(0));
    threshold.set_currency_code(*currency);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.closing().UpdateClosingSettings(request));
  });
}

}  // namespace

void AddSessionCommands(CLI::App& app, Action& selected) {
  AddSessionGroup(app, selected);
  AddClosingSettingsGroup(app, selected);
}

}  // namespace backoffice::ctl
