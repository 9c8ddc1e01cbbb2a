#include "command_support.h"

#include <fstream>
#include <limits>
#include <random>
#include <set>
#include <sstream>

namespace backoffice::ctl {

void SetAction(CLI::App* subcommand, Action& selected, Action action) {
  subcommand->callback(
      [&selected, action = std::move(action)] { selected = action; });
}

int Fail(const Status& status) {
  std::cerr << "backofficectl: " << status.ToString() << '\n';
  return kExitFailure;
}

namespace {

// Above this many products, one listing of the catalog is cheaper than a
// GetProduct each.
constexpr std::size_t kMaxProductLookups = 20;
constexpr int kProductListPageSize = 1000;

void AddUnit(const v1::Product& product, DisplayContext& context) {
  context.units_by_sku[product.sku()] =
      UnitOf(product.unit_of_measure(), product.sold_by_weight());
}

void LoadUnits(const Session& session, const std::set<std::string>& skus,
               DisplayContext& context) {
  if (skus.empty()) return;
  CatalogClient catalog = session.catalog();
  if (skus.size() <= kMaxProductLookups) {
    for (const std::string& sku : skus) {
      v1::GetProductRequest request;
      request.set_sku(sku);
      auto response = catalog.GetProduct(request);
      if (response.ok()) AddUnit(response->product(), context);
    }
    return;
  }
  v1::ListProductsRequest request;
  request.set_page_size(kProductListPageSize);
  std::size_t found = 0;
  do {
    auto response = catalog.ListProducts(request);
    if (!response.ok()) return;
    for (const v1::Product& product : response->products()) {
      if (skus.count(product.sku()) == 0) continue;
      AddUnit(product, context);
      ++found;
    }
    request.set_page_token(response->next_page_token());
  } while (!request.page_token().empty() && found < skus.size());
}

void LoadCurrencies(const Session& session,
                    const std::set<std::string>& store_codes,
                    DisplayContext& context) {
  CatalogClient catalog = session.catalog();
  for (const std::string& code : store_codes) {
    v1::GetStoreRequest request;
    request.set_code(code);
    auto response = catalog.GetStore(request);
    if (response.ok()) {
      context.currency_by_store[code] = response->store().currency_code();
    }
  }
}

}  // namespace

DisplayContext LoadDisplayContext(
    const Session& session,
    const std::vector<const google::protobuf::Message*>& messages) {
  DisplayContext context;
  if (session.format() != OutputFormat::kTable) return context;
  const DisplayNeeds needs = NeededForDisplay(messages);
  LoadUnits(session, needs.skus, context);
  LoadCurrencies(session, needs.store_codes, context);
  return context;
}

void AddRequestIdFlag(CLI::App* app, std::string& request_id) {
  app->add_option("--request-id", request_id,
                  "id of this request in the audit trail, up to 64 characters "
                  "(default: a new random id)");
}

std::string RequestIdOrNew(const std::string& request_id) {
  if (!request_id.empty()) return request_id;
  return RandomId("cli-");
}

std::string RandomId(const std::string& prefix) {
  // 128 random bits: unique enough to find one run in the audit trail, and
  // never to collide with another idempotency key.
  std::random_device random;
  std::uniform_int_distribution<unsigned> hex_digit(0, 15);
  std::string id = prefix;
  for (int i = 0; i < 32; ++i) id += "0123456789abcdef"[hex_digit(random)];
  return id;
}

StatusOr<std::string> ReadInputFile(const std::string& path) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    if (std::cin.bad()) {
      return Status(StatusCode::kInvalidArgument, "UNREADABLE_FILE",
                    "cannot read stdin");
    }
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    return Status(StatusCode::kInvalidArgument, "UNREADABLE_FILE",
                  "cannot read " + path);
  }
  return text.str();
}

CLI::Option* AddTextFlag(CLI::App* app, const std::string& name,
                         std::optional<std::string>& target,
                         const std::string& help) {
  return AddParsedFlag(
      app, name, target,
      [](const std::string& text) { return StatusOr<std::string>(text); }, help,
      "TEXT");
}

CLI::Option* AddInt64Flag(CLI::App* app, const std::string& name,
                          std::optional<std::int64_t>& target,
                          const std::string& help) {
  return AddParsedFlag(app, name, target, ParseInt64, help, "INT");
}

CLI::Option* AddInt32Flag(CLI::App* app, const std::string& name,
                          std::optional<std::int32_t>& target,
                          const std::string& help) {
  auto parse = [](const std::string& text) -> StatusOr<std::int32_t> {
    auto value = ParseInt64(text);
    if (!value.ok()) return value.status();
    if (*value < std::numeric_limits<std::int32_t>::min() ||
        *value > std::numeric_limits<std::int32_t>::max()) {
      return Status(StatusCode::kInvalidArgument, "INVALID_INTEGER",
                    "\"" + text + "\" is out of range");
    }
    return static_cast<std::int32_t>(*value);
  };
  return AddParsedFlag(app, name, target, parse, help, "INT");
}

CLI::Option* AddMilliFlag(CLI::App* app, const std::string& name,
                          std::optional<std::int64_t>& target,
                          const std::string& help) {
  return AddParsedFlag(app, name, target, ParseMilli, help, "DECIMAL");
}

CLI::Option* AddBoolFlag(CLI::App* app, const std::string& name,
                         std::optional<bool>& target, const std::string& help) {
  return AddParsedFlag(app, name, target, ParseBool, help, "BOOL");
}

void AddPageFlags(CLI::App* app, PageFlags& flags) {
  app->add_option("--page-size", flags.page_size,
                  "items per page, 1-1000 (default: the server's, 100)")
      ->check(CLI::Range(0, 1000));
  app->add_option("--page-token", flags.page_token,
                  "continue from a previous page's next-page token");
  app->add_flag("--all", flags.all, "follow every page to the end");
}

void PrintNextPageHint(const std::string& next_page_token) {
  std::cerr << "backofficectl: more results; next page: --page-token "
            << next_page_token << " (or use --all)\n";
}

}  // namespace backoffice::ctl
