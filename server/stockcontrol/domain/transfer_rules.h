// The pure rules of transfers between stores: validation, fingerprints,
// what a receipt means for each line, and who may receive and resolve.
#ifndef BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_RULES_H_
#define BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_RULES_H_

#include <string>
#include <vector>

#include "core/domain/model.h"
#include "core/domain/status.h"
#include "stockcontrol/domain/transfer_model.h"

namespace backoffice::domain {

const char* TransferStateName(TransferState state);
TransferState TransferStateFromName(const std::string& name);
const char* TransferResolutionName(TransferResolution resolution);
TransferResolution TransferResolutionFromName(const std::string& name);

// Codes and ids well formed, two different stores, 1-500 lines with
// quantities above zero, each (SKU, lot) once; INVALID_ARGUMENT naming the
// field (and the line), FAILED_PRECONDITION (TRANSFER_TO_SAME_STORE).
Status ValidateNewStockTransfer(const NewStockTransfer& transfer);
std::string StockTransferFingerprint(const NewStockTransfer& transfer);

// The receipt as stated (lines in line order, each once; no line: all in
// full); INVALID_ARGUMENT naming the field.
Status ValidateTransferReceipt(const TransferReceipt& receipt);
// The fingerprint of what a receipt means (its plan, one line per sent
// line): "everything arrived" and every line named in full are the same
// receipt.
std::string TransferReceiptFingerprint(
    const TransferReceipt& receipt,
    const std::vector<TransferReceiptLine>& plan);

// The receipt applied to the sent lines: every line named once (or none
// named: all in full), received + damaged never above what was sent
// (FAILED_PRECONDITION, TRANSFER_OVER_RECEIVED). Returns one receipt line
// per sent line, in line order.
StatusOr<std::vector<TransferReceiptLine>> PlanTransferReceipt(
    const StockTransfer& transfer, const TransferReceipt& receipt);

// A transfer's state once received as planned: RECEIVED when everything
// arrived in good order, DIFFERENCE_OPEN otherwise.
TransferState StateAfterReceipt(const std::vector<TransferReceiptLine>& plan,
                                const StockTransfer& transfer);

// The part of a line's lots from `skip_milli` on, `quantity_milli` of it,
// in the lots' order (first-expiry first): what a receipt takes is the
// first part of a line, a resolved difference the rest.
std::vector<TransferLot> SliceTransferLots(const std::vector<TransferLot>& lots,
                                           std::int64_t skip_milli,
                                           std::int64_t quantity_milli);

// Who may resolve an open difference: a store manager or head office
// (ROLE_NOT_ALLOWED) who did not receive the transfer
// (SELF_APPROVAL_FORBIDDEN, whatever the role); only a DIFFERENCE_OPEN
// transfer (FAILED_PRECONDITION, TRANSFER_STATE_CONFLICT).
Status CheckTransferResolver(const StockTransfer& transfer,
                             const Principal& principal);

// Whether a principal may see a transfer: a principal of either store, or
// chain-wide (PERMISSION_DENIED, STORE_OUT_OF_SCOPE).
Status CheckTransferScope(const StockTransfer& transfer,
                          const Principal& principal);

}  // namespace backoffice::domain

#endif  // BACKOFFICE_SERVER_STOCKCONTROL_DOMAIN_TRANSFER_RULES_H_
