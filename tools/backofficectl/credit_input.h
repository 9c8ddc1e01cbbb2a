// What the credit commands read before calling the server: the allocations
// of `payment record --allocate` and `write-off request --allocate`, the
// payment methods of `--method`, the ledger request types and states of
// `approve`, `reject` and `requests list`; and what `invoice match` says of
// a blocked invoice.
#ifndef BACKOFFICE_TOOLS_BACKOFFICECTL_CREDIT_INPUT_H_
#define BACKOFFICE_TOOLS_BACKOFFICECTL_CREDIT_INPUT_H_

#include <string>
#include <string_view>

#include "backoffice/status.h"
#include "backoffice/v1/credit_service.pb.h"

namespace backoffice::ctl {

/// An allocation written DOCNUM=AMOUNT: the number of an open debit
/// document and the part of the payment set against it, an integer in the
/// currency's minor unit. "1042=15000" is document 1042, 15000 minor units;
/// the amount's currency is left for the caller to set. Both must be above
/// zero. Fails with reason INVALID_ALLOCATION.
StatusOr<v1::AllocationInput> ParseAllocation(std::string_view text);

/// A payment method in any case, with '-' or '_' between words:
/// "cash", "bank-transfer", "BANK_TRANSFER", "qris", "card", "cheque"; the
/// full enum name ("PAYMENT_METHOD_QRIS") is accepted too. Fails with
/// reason INVALID_CHOICE, listing the choices.
StatusOr<v1::PaymentMethod> ParsePaymentMethod(std::string_view text);

/// The names ParsePaymentMethod documents, separated by '|':
/// "cash|bank-transfer|qris|card|cheque".
std::string PaymentMethodChoices();

/// What a ledger request asks for, as ParsePaymentMethod reads its names:
/// "supplier-payment", "write-off" (or "WRITE_OFF", or the full enum name
/// "LEDGER_REQUEST_TYPE_WRITE_OFF"). Fails with reason INVALID_CHOICE,
/// listing the choices.
StatusOr<v1::LedgerRequestType> ParseLedgerRequestType(std::string_view text);

/// "supplier-payment|write-off".
std::string LedgerRequestTypeChoices();

/// Where a ledger request is: "pending" (or "pending-approval"), "posted",
/// "rejected", in any case, with '-' or '_' between words; the full enum
/// name is accepted too. Fails with reason INVALID_CHOICE, listing the
/// choices.
StatusOr<v1::LedgerRequestState> ParseLedgerRequestState(std::string_view text);

/// "pending|posted|rejected".
std::string LedgerRequestStateChoices();

/// What `invoice match` prints on stderr when `invoice` came back BLOCKED:
/// its difference and the tolerance it exceeds, that its receipts'
/// payables are blocked, and the command a manager runs to accept it
/// ("backofficectl invoice accept STORE INVOICE_ID --reason TEXT"). One
/// line, ending in '\n'; money as a table shows it ("Rp 15.000").
std::string BlockedInvoiceNotice(const v1::SupplierInvoice& invoice);

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_CREDIT_INPUT_H_
