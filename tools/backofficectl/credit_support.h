// What the credit commands of credit_commands.cc and supplier_commands.cc
// share: the currency of amounts typed on the command line, day flags, and
// money and lists as the session prints them.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_CREDIT_SUPPORT_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_CREDIT_SUPPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "command_support.h"

namespace backoffice::ctl {

/// The currency of the amounts given on the command line: --currency, else
/// the store's own, read from the catalog.
StatusOr<std::string> AmountCurrency(const Session& session,
                                     const std::string& store,
                                     const std::optional<std::string>& flag);

/// --currency CODE.
void AddCurrencyFlag(CLI::App* app, std::optional<std::string>& currency);

/// A business day flag, YYYY-MM-DD, checked before anything is sent.
CLI::Option* AddDayFlag(CLI::App* app, const std::string& name,
                        std::optional<std::string>& target,
                        const std::string& help);

/// Prints `items` of type `type` in the session's format, with what the
/// table view needs.
Status PrintItems(const Session& session,
                  const google::protobuf::Descriptor& type,
                  const std::vector<const google::protobuf::Message*>& items);

/// "Rp 15.000" in a table, "15000 IDR" otherwise.
std::string MoneyText(const Session& session, const v1::Money& money);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_CREDIT_SUPPORT_H_
