// The methods of each service with their default idempotency: the one list
// from which the SDK generates its gRPC connections, its retry decorators,
// its default bodies and DefaultIdempotency(). X(Method, Idempotency).
#ifndef BACKOFFICE_CLIENT_INTERNAL_METHOD_LISTS_H_
#define BACKOFFICE_CLIENT_INTERNAL_METHOD_LISTS_H_

// Catalog creates and imports are not replayable by request_id (natural
// keys make a repeat fail with ALREADY_EXISTS); updates only audit their
// request_id. Neither is sent twice behind the caller's back.
#define BACKOFFICE_CATALOG_METHODS(X)       \
  X(CreateStore, kNonIdempotent)            \
  X(GetStore, kIdempotent)                  \
  X(UpdateStore, kNonIdempotent)            \
  X(ListStores, kIdempotent)                \
  X(CreateTerminal, kNonIdempotent)         \
  X(GetTerminal, kIdempotent)               \
  X(UpdateTerminal, kNonIdempotent)         \
  X(ListTerminals, kIdempotent)             \
  X(CreateProduct, kNonIdempotent)          \
  X(GetProduct, kIdempotent)                \
  X(UpdateProduct, kNonIdempotent)          \
  X(ListProducts, kIdempotent)              \
  X(ImportProducts, kNonIdempotent)         \
  X(SetProductStoreSetting, kNonIdempotent) \
  X(GetProductStoreSetting, kIdempotent)    \
  X(ListProductStoreSettings, kIdempotent)  \
  X(CreateSupplier, kNonIdempotent)         \
  X(GetSupplier, kIdempotent)               \
  X(UpdateSupplier, kNonIdempotent)         \
  X(ListSuppliers, kIdempotent)             \
  X(CreateCustomer, kNonIdempotent)         \
  X(GetCustomer, kIdempotent)               \
  X(UpdateCustomer, kNonIdempotent)         \
  X(ListCustomers, kIdempotent)

// A repeated CreateAccessToken would mint a second secret.
#define BACKOFFICE_ACCESS_METHODS(X)   \
  X(CreateAccessToken, kNonIdempotent) \
  X(ListAccessTokens, kIdempotent)     \
  X(RevokeAccessToken, kNonIdempotent) \
  X(GetCallerIdentity, kIdempotent)

#define BACKOFFICE_AUDIT_METHODS(X) X(ListAuditRecords, kIdempotent)

// Sales, returns and voids carry their own ids: a repeat is a replay.
#define BACKOFFICE_SALES_METHODS(X)    \
  X(RecordSale, kIdempotent)           \
  X(UploadSales, kIdempotent)          \
  X(RecordReturn, kIdempotent)         \
  X(VoidSale, kIdempotent)             \
  X(GetSale, kIdempotent)              \
  X(ListSales, kIdempotent)            \
  X(CheckReceiptSequence, kIdempotent) \
  X(SummarizeSales, kIdempotent)

// An adjustment carries its own id.
#define BACKOFFICE_INVENTORY_METHODS(X)       \
  X(GetStockLevel, kIdempotent)               \
  X(ListStockLevels, kIdempotent)             \
  X(ListStockMovements, kIdempotent)          \
  X(AdjustStock, kIdempotent)                 \
  X(ApproveStockAdjustment, kIdempotent)      \
  X(RejectStockAdjustment, kIdempotent)       \
  X(ListStockAdjustmentRequests, kIdempotent) \
  X(GetInventorySettings, kIdempotent)        \
  X(UpdateInventorySettings, kIdempotent)

// A reconciliation may run long; sending it again while it runs would only
// double the load.
#define BACKOFFICE_RECONCILIATION_METHODS(X) X(VerifyLedger, kNonIdempotent)

#define BACKOFFICE_PURCHASING_METHODS(X) \
  X(CreateSupplierItem, kNonIdempotent)  \
  X(GetSupplierItem, kIdempotent)        \
  X(UpdateSupplierItem, kNonIdempotent)  \
  X(ListSupplierItems, kIdempotent)      \
  X(ImportSupplierItems, kNonIdempotent) \
  X(ListDemand, kIdempotent)

// Purchase orders: creates carry the client's order id and drafts from
// suggestions their run id (a repeat is a replay); submit, approve, send,
// cancel and close are idempotent by state (in the target state already,
// the order is returned unchanged; approve only for the same approver).
// Adding lines and rejecting are not: a repeat would meet a new etag.
#define BACKOFFICE_PURCHASE_ORDER_METHODS(X)  \
  X(GetPurchasingSettings, kIdempotent)       \
  X(UpdatePurchasingSettings, kNonIdempotent) \
  X(SuggestOrders, kIdempotent)               \
  X(DraftOrdersFromSuggestions, kIdempotent)  \
  X(CreatePurchaseOrder, kIdempotent)         \
  X(GetPurchaseOrder, kIdempotent)            \
  X(ListPurchaseOrders, kIdempotent)          \
  X(AddPurchaseOrderLines, kNonIdempotent)    \
  X(SubmitPurchaseOrder, kIdempotent)         \
  X(ApprovePurchaseOrder, kIdempotent)        \
  X(RejectPurchaseOrder, kNonIdempotent)      \
  X(SendPurchaseOrder, kIdempotent)           \
  X(CancelPurchaseOrder, kIdempotent)         \
  X(ClosePurchaseOrder, kIdempotent)

#define BACKOFFICE_GOODS_RECEIPT_METHODS(X) \
  X(CreateGoodsReceipt, kIdempotent)        \
  X(GetGoodsReceipt, kIdempotent)           \
  X(ListGoodsReceipts, kIdempotent)         \
  X(ApproveGoodsReceipt, kIdempotent)       \
  X(RejectGoodsReceipt, kNonIdempotent)

// Credit: authorizations and payments carry the client's ids (a repeat is
// a replay); a reversal is by payment id (a payment reversed already
// returns its reversal); overrides and releases are idempotent by state
// (in the target state already, the authorization is returned unchanged).
// Write-off requests carry the maker's id (a repeat is a replay); approvals
// and rejections of a waiting request are idempotent by state (a request
// posted or rejected already is returned); the settings are set to
// absolute values, so that sending them again changes nothing. Supplier
// invoices carry the client's invoice id (a repeat is a replay); accepting
// a blocked invoice is idempotent by state (an accepted invoice is
// returned). Payment runs carry the preparer's run id (a repeat is a
// replay); their approval and rejection are idempotent by state.
#define BACKOFFICE_CREDIT_METHODS(X)          \
  X(AuthorizeCredit, kIdempotent)             \
  X(OverrideCreditAuthorization, kIdempotent) \
  X(GetCreditAuthorization, kIdempotent)      \
  X(ReleaseCreditAuthorization, kIdempotent)  \
  X(RecordPayment, kIdempotent)               \
  X(ReversePayment, kIdempotent)              \
  X(GetAccount, kIdempotent)                  \
  X(ListOpenItems, kIdempotent)               \
  X(GetStatement, kIdempotent)                \
  X(GetAgeing, kIdempotent)                   \
  X(ListCreditExceptions, kIdempotent)        \
  X(RequestWriteOff, kIdempotent)             \
  X(ApproveLedgerRequest, kIdempotent)        \
  X(RejectLedgerRequest, kIdempotent)         \
  X(ListLedgerRequests, kIdempotent)          \
  X(ListPayablesDue, kIdempotent)             \
  X(MatchSupplierInvoice, kIdempotent)        \
  X(AcceptSupplierInvoice, kIdempotent)       \
  X(GetSupplierInvoice, kIdempotent)          \
  X(GetCreditSettings, kIdempotent)           \
  X(UpdateCreditSettings, kIdempotent)        \
  X(PreparePaymentRun, kIdempotent)           \
  X(ApprovePaymentRun, kIdempotent)           \
  X(RejectPaymentRun, kIdempotent)            \
  X(GetPaymentRun, kIdempotent)               \
  X(ListPaymentRuns, kIdempotent)

// Stock control: reads; returns, transfers, counts and count entries
// carry the maker's id (a repeat is a replay); a transfer's receipt is
// once per transfer (the same receipt again is a replay); approving,
// rejecting, shipping, resolving, posting and cancelling are idempotent by
// state (a document there already is returned unchanged).
#define BACKOFFICE_STOCK_CONTROL_METHODS(X) \
  X(ListExpiringLots, kIdempotent)          \
  X(ListSlowMovers, kIdempotent)            \
  X(CreateSupplierReturn, kIdempotent)      \
  X(ApproveSupplierReturn, kIdempotent)     \
  X(RejectSupplierReturn, kIdempotent)      \
  X(ShipSupplierReturn, kIdempotent)        \
  X(GetSupplierReturn, kIdempotent)         \
  X(ListSupplierReturns, kIdempotent)       \
  X(SendStockTransfer, kIdempotent)         \
  X(ReceiveStockTransfer, kIdempotent)      \
  X(ResolveStockTransfer, kIdempotent)      \
  X(GetStockTransfer, kIdempotent)          \
  X(ListStockTransfers, kIdempotent)        \
  X(OpenStockCount, kIdempotent)            \
  X(EnterStockCount, kIdempotent)           \
  X(PostStockCount, kIdempotent)            \
  X(ApproveStockCount, kIdempotent)         \
  X(RejectStockCount, kIdempotent)          \
  X(CancelStockCount, kIdempotent)          \
  X(GetStockCount, kIdempotent)             \
  X(ListStockCounts, kIdempotent)

// The approval inbox: a read.
#define BACKOFFICE_APPROVAL_METHODS(X) X(ListApprovals, kIdempotent)

// Closing: reads; openings and cash movements carry the client's id (a
// repeat is a replay); a close with the same count and an acceptance of an
// accepted variance return the session unchanged; the settings are
// replaced whole.
#define BACKOFFICE_CLOSING_METHODS(X) \
  X(OpenTillSession, kIdempotent)     \
  X(RecordCashMovement, kIdempotent)  \
  X(CloseTillSession, kIdempotent)    \
  X(AcceptTillVariance, kIdempotent)  \
  X(GetTillSession, kIdempotent)      \
  X(ListTillSessions, kIdempotent)    \
  X(GetClosingSettings, kIdempotent)  \
  X(UpdateClosingSettings, kIdempotent)

#endif  // BACKOFFICE_CLIENT_INTERNAL_METHOD_LISTS_H_
