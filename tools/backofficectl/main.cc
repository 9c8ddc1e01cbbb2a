// backofficectl: the admin CLI of the back office. Only wiring: global flags
// and environment into a connection, then the chosen subcommand.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "backoffice/client.h"
#include "command_support.h"
#include "commands.h"
#include "output.h"

namespace {

constexpr char kDescription[] =
    "backofficectl: administer the back office of the retail chain "
    "(backofficed):\nstores, tills, products, per-store settings, suppliers, "
    "credit customers,\nsales and returns, stock, the books' own check, "
    "access tokens and the\naudit trail.\n\n"
    "The global flags may come before or after the subcommand, and each can "
    "be\nset from the environment instead:\n"
    "  BACKOFFICE_ADDR     --addr        server host:port\n"
    "  BACKOFFICE_TOKEN    --token       the bearer token's secret; prefer the "
    "variable,\n"
    "                                    since other users can see flags in "
    "`ps`\n"
    "  BACKOFFICE_CA_FILE  --ca-file     PEM CA certificates; enables TLS\n"
    "  BACKOFFICE_OUTPUT   --output      table (default), json or csv\n";

constexpr char kFooter[] =
    "Examples:\n"
    "  export BACKOFFICE_ADDR=backoffice.example:50051 "
    "BACKOFFICE_TOKEN=$(cat ~/.bo-token)\n"
    "  backofficectl store list --all\n"
    "  backofficectl product update --sku RICE-5KG --price 78000 "
    "--currency IDR\n"
    "  backofficectl setting set --store JKT01 --sku RICE-5KG "
    "--reorder-point 12.5\n"
    "  backofficectl import products products.csv --output json > "
    "results.json\n"
    "  backofficectl sale upload --file till-T1.jsonl\n"
    "  backofficectl stock list --store JKT01 --reorder --all\n"
    "  backofficectl stock adjust --store JKT01 --sku RICE-5KG --quantity -2 "
    "--reason damage\n"
    "  backofficectl verify\n\n"
    "Money is an integer in the currency's minor unit plus --currency "
    "(15000 IDR).\nLists print one page; --all follows every page.\n\n"
    "Exit status: 0 success; 1 a call failed, with one line on stderr:\n"
    "  backofficectl: CODE REASON: message\n"
    "3 `import products` rejected some rows or `sale upload` some sales;\n"
    "4 `verify` found violations; other non-zero values are usage errors.\n"
    "Run `backofficectl SUBCOMMAND --help` for a subcommand's flags.";

}  // namespace

int main(int argc, char** argv) {
  using backoffice::ctl::OutputFormat;

  // A failure is reported as one line from the call's status, which already
  // says why; gRPC's own log lines (such as a failed TLS handshake) would
  // add a second. Setting GRPC_VERBOSITY still brings them back for
  // debugging. This must precede gRPC's initialisation by the first channel.
  setenv("GRPC_VERBOSITY", "NONE", /*overwrite=*/0);

  CLI::App cli{kDescription, "backofficectl"};
  cli.require_subcommand(1);
  // Lets the global flags follow the subcommand, as in
  // `backofficectl store list --output json`.
  cli.fallthrough();

  backoffice::ConnectionOptions connection;
  int timeout_ms = static_cast<int>(connection.timeout.count());
  std::string output = "table";
  cli.add_option("--addr", connection.address, "server host:port")
      ->envname("BACKOFFICE_ADDR")
      ->capture_default_str();
  cli.add_option("--token", connection.token,
                 "the bearer token's secret (prefer BACKOFFICE_TOKEN)")
      ->envname("BACKOFFICE_TOKEN");
  cli.add_option("--ca-file", connection.ca_file,
                 "PEM CA certificates of the server; enables TLS")
      ->envname("BACKOFFICE_CA_FILE");
  cli.add_flag("--tls", connection.use_tls,
               "use TLS with the system's CA certificates");
  cli.add_option("--timeout-ms", timeout_ms, "deadline of each call")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cli.add_option("-o,--output", output, "output format")
      ->envname("BACKOFFICE_OUTPUT")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "json", "csv"}));

  backoffice::ctl::Action selected;
  backoffice::ctl::AddCatalogCommands(cli, selected);
  backoffice::ctl::AddImportCommands(cli, selected);
  backoffice::ctl::AddSalesCommands(cli, selected);
  backoffice::ctl::AddInventoryCommands(cli, selected);
  backoffice::ctl::AddOrderCommands(cli, selected);
  backoffice::ctl::AddReceivingCommands(cli, selected);
  backoffice::ctl::AddPurchasingCommands(cli, selected);
  backoffice::ctl::AddCreditCommands(cli, selected);
  backoffice::ctl::AddSupplierLedgerCommands(cli, selected);
  backoffice::ctl::AddStockControlCommands(cli, selected);
  backoffice::ctl::AddTransferAndCountCommands(cli, selected);
  backoffice::ctl::AddSessionCommands(cli, selected);
  backoffice::ctl::AddApprovalCommands(cli, selected);
  backoffice::ctl::AddWriteOffCommands(cli, selected);
  backoffice::ctl::AddAccessCommands(cli, selected);
  // Set after the subcommands exist, which would otherwise inherit it.
  cli.footer(kFooter);

  CLI11_PARSE(cli, argc, argv);

  if (!selected) {  // Unreachable while every group requires a subcommand.
    std::cerr << cli.help();
    return backoffice::ctl::kExitFailure;
  }
  connection.timeout = std::chrono::milliseconds(timeout_ms);
  auto channel = backoffice::MakeConnection(connection);
  if (!channel.ok()) return backoffice::ctl::Fail(channel.status());
  const backoffice::ctl::Session session(
      *channel, backoffice::ctl::ParseOutputFormat(output).value_or(
                    OutputFormat::kTable));
  return selected(session);
}
