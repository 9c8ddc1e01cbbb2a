// What the credit commands read before calling the server: the allocations
// of `payment record --allocate` and the payment methods of `--method`.
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

}  // namespace backoffice::ctl

#endif  // BACKOFFICE_TOOLS_BACKOFFICECTL_CREDIT_INPUT_H_
