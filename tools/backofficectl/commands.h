// The subcommands of backofficectl, grouped by the service they drive.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_COMMANDS_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "command_support.h"

namespace backoffice::ctl {

/// store, terminal, product, setting, supplier and customer.
void AddCatalogCommands(CLI::App& app, Action& selected);
/// import products.
void AddImportCommands(CLI::App& app, Action& selected);
/// token, audit and health.
void AddAccessCommands(CLI::App& app, Action& selected);
/// sale, receipts and profit.
void AddSalesCommands(CLI::App& app, Action& selected);
/// stock and verify.
void AddInventoryCommands(CLI::App& app, Action& selected);
/// order and purchasing-settings.
void AddOrderCommands(CLI::App& app, Action& selected);
/// receive and receipt.
void AddReceivingCommands(CLI::App& app, Action& selected);
/// supplier-item and demand.
void AddPurchasingCommands(CLI::App& app, Action& selected);
/// credit, payment, account, write-off, approve, reject and requests.
void AddCreditCommands(CLI::App& app, Action& selected);
/// payables, payment-run, invoice and credit-settings.
void AddSupplierLedgerCommands(CLI::App& app, Action& selected);
/// stock expiring, stock slow (after AddInventoryCommands) and
/// supplier-return.
void AddStockControlCommands(CLI::App& app, Action& selected);
/// transfer and count.
void AddTransferAndCountCommands(CLI::App& app, Action& selected);
/// session and closing-settings.
void AddSessionCommands(CLI::App& app, Action& selected);
/// approvals.
void AddApprovalCommands(CLI::App& app, Action& selected);
/// writeoff and inventory-settings.
void AddWriteOffCommands(CLI::App& app, Action& selected);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_COMMANDS_H_
