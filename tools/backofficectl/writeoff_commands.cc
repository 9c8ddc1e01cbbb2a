// writeoff list|approve|reject and inventory-settings get|set: the
// write-offs that wait for a second person (`stock adjust` asks for them)
// and the store's threshold.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "commands.h"
#include "credit_support.h"

namespace backoffice::ctl {
namespace {

struct WriteOffKey {
  std::string store;
  std::string adjustment_id;
  std::string reason;
  std::string request_id;
};

void AddWriteOffKey(CLI::App* app, WriteOffKey& key) {
  app->add_option("store", key.store, "the store's code")->required();
  app->add_option("adjustment_id", key.adjustment_id,
                  "the write-off's adjustment id")
      ->required();
  AddRequestIdFlag(app, key.request_id);
}

void AddWriteOffGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "writeoff",
      "write-offs (negative `stock adjust`) by store staff or managers above "
      "the store's threshold, waiting for a second person: list, approve, "
      "reject");
  group->require_subcommand(1);

  struct ListFlags {
    std::string store;
    std::optional<v1::StockAdjustmentRequestState> state;
    PageFlags page;
  };
  auto list_flags = std::make_shared<ListFlags>();
  CLI::App* list = group->add_subcommand(
      "list", "a store's write-off requests, newest first");
  list->add_option("store", list_flags->store, "the store's code")->required();
  AddEnumFlag(list, "--state", list_flags->state,
              *v1::StockAdjustmentRequestState_descriptor(),
              "STOCK_ADJUSTMENT_REQUEST_STATE_", "only those in this state");
  AddPageFlags(list, list_flags->page);
  SetAction(list, selected, [f = list_flags](const Session& session) {
    v1::ListStockAdjustmentRequestsRequest request;
    request.set_store_code(f->store);
    request.set_state(
        f->state.value_or(v1::STOCK_ADJUSTMENT_REQUEST_STATE_UNSPECIFIED));
    InventoryClient client = session.inventory();
    return ListPages(session, request, f->page, [&](const auto& r) {
      return client.ListStockAdjustmentRequests(r);
    });
  });

  auto approve_key = std::make_shared<WriteOffKey>();
  CLI::App* approve = group->add_subcommand(
      "approve",
      "approve a waiting write-off and post it (a manager who did not ask)");
  AddWriteOffKey(approve, *approve_key);
  SetAction(approve, selected, [key = approve_key](const Session& session) {
    v1::ApproveStockAdjustmentRequest request;
    request.set_store_code(key->store);
    request.set_adjustment_id(key->adjustment_id);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.inventory().ApproveStockAdjustment(request));
  });

  auto reject_key = std::make_shared<WriteOffKey>();
  CLI::App* reject = group->add_subcommand(
      "reject", "refuse a waiting write-off with a reason: nothing moves");
  AddWriteOffKey(reject, *reject_key);
  reject->add_option("--reason", reject_key->reason, "why, 1-500 characters")
      ->required();
  SetAction(reject, selected, [key = reject_key](const Session& session) {
    v1::RejectStockAdjustmentRequest request;
    request.set_store_code(key->store);
    request.set_adjustment_id(key->adjustment_id);
    request.set_reason(key->reason);
    request.set_request_id(RequestIdOrNew(key->request_id));
    return PrintResponse(session,
                         session.inventory().RejectStockAdjustment(request));
  });
}

void AddInventorySettingsGroup(CLI::App& root, Action& selected) {
  CLI::App* group = root.add_subcommand(
      "inventory-settings",
      "a store's write-off and count thresholds: write-offs and counts worth "
      "more at cost wait for a second person");
  group->require_subcommand(1);
  struct Flags {
    std::string store;
    std::optional<std::int64_t> threshold;
    std::optional<std::int64_t> count_threshold;
    std::optional<std::int64_t> count_head_office;
    std::optional<std::string> currency;
    std::string request_id;
  };
  auto get_flags = std::make_shared<Flags>();
  CLI::App* get = group->add_subcommand("get", "a store's settings");
  get->add_option("store", get_flags->store, "the store's code")->required();
  SetAction(get, selected, [f = get_flags](const Session& session) {
    v1::GetInventorySettingsRequest request;
    request.set_store_code(f->store);
    return PrintResponse(session,
                         session.inventory().GetInventorySettings(request));
  });
  auto set_flags = std::make_shared<Flags>();
  CLI::App* set =
      group->add_subcommand("set", "set a store's settings (head office)");
  set->add_option("store", set_flags->store, "the store's code")->required();
  AddInt64Flag(set, "--write-off-threshold", set_flags->threshold,
               "write-offs worth more than this at cost wait for a second "
               "person, an integer in the currency's minor unit");
  AddInt64Flag(set, "--count-threshold", set_flags->count_threshold,
               "counts whose variances are worth more than this at cost wait "
               "for a manager who did not count (minor unit)");
  AddInt64Flag(set, "--count-head-office-threshold",
               set_flags->count_head_office,
               "above this, for head office (minor unit; 0: never)");
  AddCurrencyFlag(set, set_flags->currency);
  AddRequestIdFlag(set, set_flags->request_id);
  SetAction(set, selected, [f = set_flags](const Session& session) {
    auto currency = AmountCurrency(session, f->store, f->currency);
    if (!currency.ok()) return Fail(currency.status());
    // The settings are written whole: what is not given keeps its value.
    v1::GetInventorySettingsRequest get;
    get.set_store_code(f->store);
    auto current = session.inventory().GetInventorySettings(get);
    if (!current.ok()) return Fail(current.status());
    v1::UpdateInventorySettingsRequest request;
    *request.mutable_settings() = current->settings();
    auto set_money = [&](v1::Money* money, std::optional<std::int64_t> value) {
      if (value) money->set_minor_units(*value);
      money->set_currency_code(*currency);
    };
    set_money(
        request.mutable_settings()->mutable_write_off_approval_threshold(),
        f->threshold);
    set_money(request.mutable_settings()->mutable_count_approval_threshold(),
              f->count_threshold);
    set_money(request.mutable_settings()->mutable_count_head_office_threshold(),
              f->count_head_office);
    request.set_request_id(RequestIdOrNew(f->request_id));
    return PrintResponse(session,
                         session.inventory().UpdateInventorySettings(request));
  });
}

}  // namespace

void AddWriteOffCommands(CLI::App& app, Action& selected) {
  AddWriteOffGroup(app, selected);
  AddInventorySettingsGroup(app, selected);
}

}  // namespace backoffice::ctl
