#include "credit_support.h"

#include <iostream>

namespace backoffice::ctl {

StatusOr<std::string> AmountCurrency(const Session& session,
                                     const std::string& store,
                                     const std::optional<std::string>& flag) {
  if (flag) return *flag;
  v1::GetStoreRequest request;
  request.set_code(store);
  auto response = session.catalog().GetStore(request);
  if (!response.ok()) return response.status();
  return response->store().currency_code();
}

void AddCurrencyFlag(CLI::App* app, std::optional<std::string>& currency) {
  AddTextFlag(app, "--currency", currency,
              "ISO 4217 currency of the amounts, such as IDR (default: the "
              "store's)");
}

CLI::Option* AddDayFlag(CLI::App* app, const std::string& name,
                        std::optional<std::string>& target,
                        const std::string& help) {
  return AddParsedFlag(app, name, target, ParseDate, help, "YYYY-MM-DD");
}

Status PrintItems(const Session& session,
                  const google::protobuf::Descriptor& type,
                  const std::vector<const google::protobuf::Message*>& items) {
  return PrintList(std::cout, session.format(), type, items,
                   LoadDisplayContext(session, items));
}

std::string MoneyText(const Session& session, const v1::Money& money) {
  if (session.format() == OutputFormat::kTable) {
    return FormatMoney(money.minor_units(), money.currency_code());
  }
  std::string text = std::to_string(money.minor_units());
  return money.currency_code().empty() ? text
                                       : text + " " + money.currency_code();
}

}  // namespace backoffice::ctl
