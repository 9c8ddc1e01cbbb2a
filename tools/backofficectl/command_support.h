// What every backofficectl command shares: the session it runs in, the way
// it reports failures, its flag helpers, and paging through list RPCs.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_COMMAND_SUPPORT_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_COMMAND_SUPPORT_H_

#include <google/protobuf/field_mask.pb.h>

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "backoffice/client.h"
#include "output.h"
#include "values.h"

namespace backoffice::ctl {

/// Exit codes other than CLI11's own usage errors.
inline constexpr int kExitOk = 0;
/// A call failed, or a local input (such as the import file) is unusable.
inline constexpr int kExitFailure = 1;
/// A bulk command finished but some items were refused: rows of `import
/// products`, sales of `sale upload`.
inline constexpr int kExitRowsRejected = 3;
/// `verify` found the books broken.
inline constexpr int kExitLedgerViolations = 4;

/// The connection and the output format a command runs with.
class Session {
 public:
  Session(std::shared_ptr<Connection> connection, OutputFormat format)
      : connection_(std::move(connection)), format_(format) {}

  const std::shared_ptr<Connection>& connection() const { return connection_; }
  OutputFormat format() const { return format_; }
  CatalogClient catalog() const { return CatalogClient(connection_); }
  AccessClient access() const { return AccessClient(connection_); }
  AuditClient audit() const { return AuditClient(connection_); }
  SalesClient sales() const { return SalesClient(connection_); }
  InventoryClient inventory() const { return InventoryClient(connection_); }
  ReconciliationClient reconciliation() const {
    return ReconciliationClient(connection_);
  }
  PurchaseOrderClient purchase_orders() const {
    return PurchaseOrderClient(connection_);
  }
  GoodsReceiptClient goods_receipts() const {
    return GoodsReceiptClient(connection_);
  }
  PurchasingClient purchasing() const { return PurchasingClient(connection_); }
  CreditClient credit() const { return CreditClient(connection_); }
  ApprovalClient approvals() const { return ApprovalClient(connection_); }
  ClosingClient closing() const { return ClosingClient(connection_); }
  StockControlClient stock_control() const {
    return StockControlClient(connection_);
  }

 private:
  std::shared_ptr<Connection> connection_;
  OutputFormat format_;
};

/// A parsed command, ready to run; returns the exit code.
using Action = std::function<int(const Session&)>;

/// Makes `subcommand` select `action` when it appears on the command line.
/// The action runs after parsing, once the global flags are known.
void SetAction(CLI::App* subcommand, Action& selected, Action action);

/// Prints "backofficectl: CODE REASON: message" on stderr, the one line a
/// failure shows, and returns kExitFailure.
int Fail(const Status& status);

/// What the table view of `messages` needs to print their quantities with
/// their products' units and their money in their stores' currency (see
/// output.h), read from the catalog: one GetStore per store, one GetProduct
/// per product, or the whole product list when many products are named.
/// Nothing is read for JSON and CSV, which print the exact integers. A
/// lookup that fails (a product since deleted, a role that may not read it)
/// leaves its values without a unit or currency rather than failing the
/// command, whose own call has succeeded.
DisplayContext LoadDisplayContext(
    const Session& session,
    const std::vector<const google::protobuf::Message*>& messages);

/// Prints a response's entity (the store of a GetStoreResponse) in the
/// session's format, or fails.
template <typename Response>
int PrintResponse(const Session& session, const StatusOr<Response>& response) {
  if (!response.ok()) return Fail(response.status());
  const google::protobuf::Message& entity = ResponseEntity(*response);
  Status printed = PrintMessage(std::cout, session.format(), entity,
                                LoadDisplayContext(session, {&entity}));
  return printed.ok() ? kExitOk : Fail(printed);
}

/// --request-id, recorded in the audit trail. Empty means "generate one".
void AddRequestIdFlag(CLI::App* app, std::string& request_id);
/// `request_id`, or a new random id when it is empty.
std::string RequestIdOrNew(const std::string& request_id);
/// `prefix` and 32 random hex digits, such as "ret-3f9c...": a fresh
/// idempotency key for a return or an adjustment.
std::string RandomId(const std::string& prefix);

/// The whole content of the file at `path`, or of stdin when `path` is "-".
/// Fails with reason UNREADABLE_FILE.
StatusOr<std::string> ReadInputFile(const std::string& path);

/// A flag whose text is checked and converted by `parse` (one of the
/// strict parsers of values.h); a bad value is a usage error naming the
/// flag. `target` stays empty when the flag is not given, which is how
/// update commands tell which fields to change.
template <typename T, typename Parser>
CLI::Option* AddParsedFlag(CLI::App* app, const std::string& name,
                           std::optional<T>& target, Parser parse,
                           const std::string& help,
                           const std::string& type_name) {
  CLI::Option* option = app->add_option_function<std::string>(
      name,
      [&target, parse, name](const std::string& text) {
        auto value = parse(text);
        if (!value.ok()) {
          throw CLI::ValidationError(name, value.status().message());
        }
        target = std::move(*value);
      },
      help);
  option->type_name(type_name);
  return option;
}

CLI::Option* AddTextFlag(CLI::App* app, const std::string& name,
                         std::optional<std::string>& target,
                         const std::string& help);
/// An integer, strictly base 10 ("012000" is twelve thousand).
CLI::Option* AddInt64Flag(CLI::App* app, const std::string& name,
                          std::optional<std::int64_t>& target,
                          const std::string& help);
CLI::Option* AddInt32Flag(CLI::App* app, const std::string& name,
                          std::optional<std::int32_t>& target,
                          const std::string& help);
/// A quantity such as 12.5, stored exactly in thousandths.
CLI::Option* AddMilliFlag(CLI::App* app, const std::string& name,
                          std::optional<std::int64_t>& target,
                          const std::string& help);
/// true, false, 1 or 0.
CLI::Option* AddBoolFlag(CLI::App* app, const std::string& name,
                         std::optional<bool>& target, const std::string& help);
/// A value of the proto enum `Enum` named without `prefix`, in any case
/// (--refund cash for TENDER_TYPE_CASH); the help lists the choices.
template <typename Enum>
CLI::Option* AddEnumFlag(CLI::App* app, const std::string& name,
                         std::optional<Enum>& target,
                         const google::protobuf::EnumDescriptor& type,
                         const std::string& prefix, const std::string& help) {
  auto parse = [&type, prefix](const std::string& text) -> StatusOr<Enum> {
    auto number = ParseEnumName(type, prefix, text);
    if (!number.ok()) return number.status();
    return static_cast<Enum>(*number);
  };
  return AddParsedFlag(app, name, target, parse, help,
                       EnumChoices(type, prefix));
}

/// Adds `path` to `mask` when there is a mask (updates) and the flag was
/// given, after `apply` has copied the value into the request.
template <typename T, typename Apply>
void ApplyFlag(const std::optional<T>& flag, const char* path,
               google::protobuf::FieldMask* mask, Apply apply) {
  if (!flag) return;
  apply(*flag);
  if (mask != nullptr) mask->add_paths(path);
}

/// --page-size, --page-token and --all of the list commands.
struct PageFlags {
  int page_size = 0;
  std::string page_token;
  bool all = false;
};
void AddPageFlags(CLI::App* app, PageFlags& flags);

/// Prints the hint that more pages remain, on stderr so that it never mixes
/// with the listed data.
void PrintNextPageHint(const std::string& next_page_token);

/// Calls a list RPC, following next_page_token when --all is given, and
/// prints the items of every page as one list. Nothing is printed when a
/// page fails, so that a partial listing is never mistaken for a whole one.
template <typename Request, typename Call>
int ListPages(const Session& session, Request request, const PageFlags& flags,
              Call call) {
  request.set_page_size(flags.page_size);
  request.set_page_token(flags.page_token);
  using Response = std::decay_t<decltype(*call(request))>;
  std::vector<Response> pages;
  std::string next_page_token;
  while (true) {
    auto response = call(request);
    if (!response.ok()) return Fail(response.status());
    next_page_token = response->next_page_token();
    pages.push_back(std::move(*response));
    if (next_page_token.empty() || !flags.all) break;
    request.set_page_token(next_page_token);
  }

  const google::protobuf::FieldDescriptor* items_field =
      ListItemsField(*Response::descriptor());
  std::vector<const google::protobuf::Message*> items;
  for (const Response& page : pages) {
    const auto* reflection = page.GetReflection();
    for (int i = 0; i < reflection->FieldSize(page, items_field); ++i) {
      items.push_back(&reflection->GetRepeatedMessage(page, items_field, i));
    }
  }
  Status printed =
      PrintList(std::cout, session.format(), *items_field->message_type(),
                items, LoadDisplayContext(session, items));
  if (!printed.ok()) return Fail(printed);
  if (!next_page_token.empty()) PrintNextPageHint(next_page_token);
  return kExitOk;
}

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_COMMAND_SUPPORT_H_
