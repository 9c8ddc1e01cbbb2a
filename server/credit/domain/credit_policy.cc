#include "credit/domain/credit_policy.h"

namespace backoffice::domain {

std::vector<MethodPolicy> CreditMethodPolicies() {
  using namespace roles;  // NOLINT: the table reads better.
  // clang-format off
  return {
    // Tills ask for holds at their own terminal (domain); staff may too.
    {"/backoffice.v1.CreditService/AuthorizeCredit", {kPos, kStaff, kManager, kHeadOffice, kAdmin}, true},
    // Checkers: managers and above, never who asked (domain).
    {"/backoffice.v1.CreditService/OverrideCreditAuthorization", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/GetCreditAuthorization", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/ReleaseCreditAuthorization", {kPos, kStaff, kManager, kHeadOffice, kAdmin}, true},
    // Money on account: at a till (its own), or by the back office.
    {"/backoffice.v1.CreditService/RecordPayment", {kPos, kStaff, kManager, kHeadOffice, kAdmin}, true},
    // Undoing a payment is a manager's.
    {"/backoffice.v1.CreditService/ReversePayment", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/GetAccount", {kPos, kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/ListOpenItems", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/GetStatement", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/GetAgeing", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/ListCreditExceptions", {kManager, kHeadOffice, kAdmin}},
    // Makers: store staff and above; checkers: managers and above, never
    // the maker, head office above the store's limit (domain).
    {"/backoffice.v1.CreditService/RequestWriteOff", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/ApproveLedgerRequest", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/RejectLedgerRequest", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/ListLedgerRequests", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/ListPayablesDue", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/GetCreditSettings", {kStaff, kManager, kHeadOffice, kAdmin}},
    // Back-office staff match invoices; a manager who did not accepts a
    // difference (domain).
    {"/backoffice.v1.CreditService/MatchSupplierInvoice", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/AcceptSupplierInvoice", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/GetSupplierInvoice", {kStaff, kManager, kHeadOffice, kAdmin}},
    // A run is prepared by back-office staff and decided by a manager or
    // head office who did not prepare it (domain).
    {"/backoffice.v1.CreditService/PreparePaymentRun", {kStaff, kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/ApprovePaymentRun", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/RejectPaymentRun", {kManager, kHeadOffice, kAdmin}, true},
    {"/backoffice.v1.CreditService/GetPaymentRun", {kStaff, kManager, kHeadOffice, kAdmin}},
    {"/backoffice.v1.CreditService/ListPaymentRuns", {kStaff, kManager, kHeadOffice, kAdmin}},
    // The limits of the four eyes are head office's to set.
    {"/backoffice.v1.CreditService/UpdateCreditSettings", {kHeadOffice, kAdmin}, true},
  };
  // clang-format on
}

}  // namespace backoffice::domain
