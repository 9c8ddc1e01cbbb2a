// The backoffice C++ SDK: typed clients for tills (POS systems), head office
// tools and the admin CLI.
//
// A Connection holds the channel, the bearer token, TLS settings and the
// per-call deadline; it is created once and shared by value-type clients:
//
//   backoffice::ConnectionOptions options;
//   options.address = "backoffice.example:50051";
//   options.token = std::getenv("BACKOFFICE_TOKEN");
//   options.ca_file = "/etc/backoffice/ca.pem";  // Enables TLS.
//   auto connection = backoffice::MakeConnection(options);
//   if (!connection) { /* connection.status() says why */ }
//   backoffice::CatalogClient catalog(*connection);
//   auto product = catalog.GetProduct(request);
//   if (!product) std::cerr << product.status().reason();
//
// No function throws to report an error: each returns a StatusOr whose
// status carries the gRPC code, the message and the server's stable reason.
// The SDK does not validate requests; the server is the one judge.
//
// @par Thread Safety
// Connection and the clients are safe for concurrent use from many threads;
// clients are cheap to copy and share their connection.
#ifndef BACKOFFICE_CLIENT_H_
#define BACKOFFICE_CLIENT_H_

#include <chrono>
#include <memory>
#include <string>

#include "backoffice/status.h"
#include "backoffice/v1/access_service.pb.h"
#include "backoffice/v1/audit_service.pb.h"
#include "backoffice/v1/catalog_service.pb.h"
#include "backoffice/v1/inventory_service.pb.h"
#include "backoffice/v1/reconciliation_service.pb.h"
#include "backoffice/v1/sales_service.pb.h"

namespace backoffice {

/// How the SDK retries calls that are safe to repeat (reads, and writes that
/// carry an idempotency key: sales, returns, voids, adjustments) after a
/// transient failure: UNAVAILABLE, DEADLINE_EXCEEDED, or ABORTED (a conflict
/// that the server could not resolve itself). Each attempt sends
/// the very same request, so a retried sale can never count twice.
struct RetryPolicy {
  /// Attempts in all, the first included; 1 disables retries.
  int max_attempts = 5;
  /// The wait before the second attempt; it doubles up to max_backoff, with
  /// random jitter so that many tills do not retry in step.
  std::chrono::milliseconds initial_backoff{100};
  std::chrono::milliseconds max_backoff{2000};
};

struct ConnectionOptions {
  /// host:port of backofficed.
  std::string address = "127.0.0.1:50051";
  /// The bearer token's secret, sent as `authorization: Bearer <token>`.
  std::string token;
  /// A PEM file of CA certificates; setting it enables TLS.
  std::string ca_file;
  /// Use TLS with the system's CA certificates when ca_file is empty.
  bool use_tls = false;
  /// The deadline of each attempt of a call.
  std::chrono::milliseconds timeout{10000};
  /// Retries of idempotent calls.
  RetryPolicy retry;
};

/// A channel to backofficed with its credentials. Opaque: the gRPC stub
/// types stay inside the SDK.
class Connection;

/// Creates a connection. Fails only on bad options (an unreadable CA file);
/// the channel connects lazily, so a down server shows on the first call.
StatusOr<std::shared_ptr<Connection>> MakeConnection(
    const ConnectionOptions& options);

/// Whether the server reports SERVING on the gRPC health service (it does
/// only while its database answers).
StatusOr<bool> CheckServing(const std::shared_ptr<Connection>& connection);

/// Master data: stores, terminals, products, per-store settings, suppliers
/// and credit customers.
class CatalogClient {
 public:
  explicit CatalogClient(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)) {}

  StatusOr<v1::CreateStoreResponse> CreateStore(
      const v1::CreateStoreRequest& request);
  StatusOr<v1::GetStoreResponse> GetStore(const v1::GetStoreRequest& request);
  StatusOr<v1::UpdateStoreResponse> UpdateStore(
      const v1::UpdateStoreRequest& request);
  StatusOr<v1::ListStoresResponse> ListStores(
      const v1::ListStoresRequest& request);

  StatusOr<v1::CreateTerminalResponse> CreateTerminal(
      const v1::CreateTerminalRequest& request);
  StatusOr<v1::GetTerminalResponse> GetTerminal(
      const v1::GetTerminalRequest& request);
  StatusOr<v1::UpdateTerminalResponse> UpdateTerminal(
      const v1::UpdateTerminalRequest& request);
  StatusOr<v1::ListTerminalsResponse> ListTerminals(
      const v1::ListTerminalsRequest& request);

  StatusOr<v1::CreateProductResponse> CreateProduct(
      const v1::CreateProductRequest& request);
  StatusOr<v1::GetProductResponse> GetProduct(
      const v1::GetProductRequest& request);
  StatusOr<v1::UpdateProductResponse> UpdateProduct(
      const v1::UpdateProductRequest& request);
  StatusOr<v1::ListProductsResponse> ListProducts(
      const v1::ListProductsRequest& request);
  StatusOr<v1::ImportProductsResponse> ImportProducts(
      const v1::ImportProductsRequest& request);

  StatusOr<v1::SetProductStoreSettingResponse> SetProductStoreSetting(
      const v1::SetProductStoreSettingRequest& request);
  StatusOr<v1::GetProductStoreSettingResponse> GetProductStoreSetting(
      const v1::GetProductStoreSettingRequest& request);
  StatusOr<v1::ListProductStoreSettingsResponse> ListProductStoreSettings(
      const v1::ListProductStoreSettingsRequest& request);

  StatusOr<v1::CreateSupplierResponse> CreateSupplier(
      const v1::CreateSupplierRequest& request);
  StatusOr<v1::GetSupplierResponse> GetSupplier(
      const v1::GetSupplierRequest& request);
  StatusOr<v1::UpdateSupplierResponse> UpdateSupplier(
      const v1::UpdateSupplierRequest& request);
  StatusOr<v1::ListSuppliersResponse> ListSuppliers(
      const v1::ListSuppliersRequest& request);

  StatusOr<v1::CreateCustomerResponse> CreateCustomer(
      const v1::CreateCustomerRequest& request);
  StatusOr<v1::GetCustomerResponse> GetCustomer(
      const v1::GetCustomerRequest& request);
  StatusOr<v1::UpdateCustomerResponse> UpdateCustomer(
      const v1::UpdateCustomerRequest& request);
  StatusOr<v1::ListCustomersResponse> ListCustomers(
      const v1::ListCustomersRequest& request);

 private:
  std::shared_ptr<Connection> connection_;
};

/// Access tokens (admins) and the caller's own identity (anyone).
class AccessClient {
 public:
  explicit AccessClient(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)) {}

  StatusOr<v1::CreateAccessTokenResponse> CreateAccessToken(
      const v1::CreateAccessTokenRequest& request);
  StatusOr<v1::ListAccessTokensResponse> ListAccessTokens(
      const v1::ListAccessTokensRequest& request);
  StatusOr<v1::RevokeAccessTokenResponse> RevokeAccessToken(
      const v1::RevokeAccessTokenRequest& request);
  StatusOr<v1::GetCallerIdentityResponse> GetCallerIdentity(
      const v1::GetCallerIdentityRequest& request);

 private:
  std::shared_ptr<Connection> connection_;
};

/// The audit trail (admins).
class AuditClient {
 public:
  explicit AuditClient(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)) {}

  StatusOr<v1::ListAuditRecordsResponse> ListAuditRecords(
      const v1::ListAuditRecordsRequest& request);

 private:
  std::shared_ptr<Connection> connection_;
};

/// Sales from the tills: exactly once, however often they are sent.
///
/// Every method is retried under the connection's RetryPolicy: a sale, a
/// return or a void carries its own id, so a repeated attempt is answered
/// with the original result (`replayed`) and changes nothing.
class SalesClient {
 public:
  explicit SalesClient(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)) {}

  StatusOr<v1::RecordSaleResponse> RecordSale(const v1::RecordSaleRequest& request);
  StatusOr<v1::UploadSalesResponse> UploadSales(const v1::UploadSalesRequest& request);
  /// Uploads a backlog of any size in batches of `batch_size` (at most
  /// 1000), one result per sale in the order given. Each batch is retried
  /// like any call; when a batch still fails, it stops and returns that
  /// error: the batches before it are recorded, and sending the whole
  /// backlog again is safe.
  StatusOr<std::vector<v1::SaleResult>> UploadBacklog(const std::vector<v1::Sale>& sales,
                                                      int batch_size = 500);
  StatusOr<v1::RecordReturnResponse> RecordReturn(const v1::RecordReturnRequest& request);
  StatusOr<v1::VoidSaleResponse> VoidSale(const v1::VoidSaleRequest& request);
  StatusOr<v1::GetSaleResponse> GetSale(const v1::GetSaleRequest& request);
  StatusOr<v1::ListSalesResponse> ListSales(const v1::ListSalesRequest& request);
  StatusOr<v1::CheckReceiptSequenceResponse> CheckReceiptSequence(
      const v1::CheckReceiptSequenceRequest& request);

 private:
  std::shared_ptr<Connection> connection_;
};

/// Stock levels, the stock ledger, and adjustments.
class InventoryClient {
 public:
  explicit InventoryClient(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)) {}

  StatusOr<v1::GetStockLevelResponse> GetStockLevel(const v1::GetStockLevelRequest& request);
  StatusOr<v1::ListStockLevelsResponse> ListStockLevels(
      const v1::ListStockLevelsRequest& request);
  StatusOr<v1::ListStockMovementsResponse> ListStockMovements(
      const v1::ListStockMovementsRequest& request);
  StatusOr<v1::AdjustStockResponse> AdjustStock(const v1::AdjustStockRequest& request);

 private:
  std::shared_ptr<Connection> connection_;
};

/// The books checking themselves (admins, head office). Not retried: a
/// reconciliation may run long.
class ReconciliationClient {
 public:
  explicit ReconciliationClient(std::shared_ptr<Connection> connection)
      : connection_(std::move(connection)) {}

  StatusOr<v1::VerifyLedgerResponse> VerifyLedger(const v1::VerifyLedgerRequest& request);

 private:
  std::shared_ptr<Connection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_CLIENT_H_
