// SalesClient: sales from the tills, exactly once however often they are
// sent.
//
// @par Thread Safety
// Safe for concurrent use from many threads; cheap to copy (copies share
// their connection).
#ifndef BACKOFFICE_SALES_CLIENT_H_
#define BACKOFFICE_SALES_CLIENT_H_

#include <functional>
#include <memory>
#include <vector>

#include "backoffice/connection.h"
#include "backoffice/sales_connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/sales_service.pb.h"

namespace backoffice {

/// Sales, returns and voids. Every method is retried under the connection's
/// RetryPolicy: a sale, a return or a void carries its own id, so a
/// repeated attempt is answered with the original result (`replayed`) and
/// changes nothing.
class SalesClient {
 public:
  /// A client over the SDK's gRPC connection (MakeSalesConnection).
  explicit SalesClient(std::shared_ptr<Connection> connection);
  /// A client over any SalesConnection, such as a mock.
  explicit SalesClient(std::shared_ptr<SalesConnection> connection);

  StatusOr<v1::RecordSaleResponse> RecordSale(
      const v1::RecordSaleRequest& request);
  StatusOr<v1::UploadSalesResponse> UploadSales(
      const v1::UploadSalesRequest& request);
  /// Uploads a backlog of any size in batches of `batch_size` (at most
  /// 1000), one result per sale in the order given. Each batch is retried
  /// like any call; when a batch still fails, it stops and returns that
  /// error: the batches before it are recorded, and sending the whole
  /// backlog again is safe.
  StatusOr<std::vector<v1::SaleResult>> UploadBacklog(
      const std::vector<v1::Sale>& sales, int batch_size = 500);
  StatusOr<v1::RecordReturnResponse> RecordReturn(
      const v1::RecordReturnRequest& request);
  StatusOr<v1::VoidSaleResponse> VoidSale(const v1::VoidSaleRequest& request);
  StatusOr<v1::GetSaleResponse> GetSale(const v1::GetSaleRequest& request);
  StatusOr<v1::ListSalesResponse> ListSales(
      const v1::ListSalesRequest& request);
  StatusOr<v1::CheckReceiptSequenceResponse> CheckReceiptSequence(
      const v1::CheckReceiptSequenceRequest& request);
  StatusOr<v1::SummarizeSalesResponse> SummarizeSales(
      const v1::SummarizeSalesRequest& request);

  /// Visits every sale, following the pages (see
  /// CatalogClient::ForEachStore for the contract).
  Status ForEachSale(v1::ListSalesRequest request,
                     const std::function<bool(const v1::Sale&)>& visit);

 private:
  std::shared_ptr<SalesConnection> connection_;
};

}  // namespace backoffice

#endif  // BACKOFFICE_SALES_CLIENT_H_
