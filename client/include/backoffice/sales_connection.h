// SalesConnection: the seam under SalesClient. The SDK's own
// implementation calls backofficed over gRPC and retries; tests and
// applications may put their own (such as
// backoffice::mocks::MockSalesConnection) in its place.
//
// @par Thread Safety
// The SDK's implementation is safe for concurrent use from many threads;
// an implementation of your own should be too, as clients share it.
#ifndef BACKOFFICE_SALES_CONNECTION_H_
#define BACKOFFICE_SALES_CONNECTION_H_

#include <memory>

#include "backoffice/connection.h"
#include "backoffice/status.h"
#include "backoffice/v1/sales_service.pb.h"

namespace backoffice {

/// One virtual function per RPC of backoffice.v1.SalesService. Each default
/// implementation returns UNIMPLEMENTED, so that an implementation of your
/// own keeps compiling when the service grows.
class SalesConnection {
 public:
  virtual ~SalesConnection();

  virtual StatusOr<v1::RecordSaleResponse> RecordSale(
      const v1::RecordSaleRequest& request);
  virtual StatusOr<v1::UploadSalesResponse> UploadSales(
      const v1::UploadSalesRequest& request);
  virtual StatusOr<v1::RecordReturnResponse> RecordReturn(
      const v1::RecordReturnRequest& request);
  virtual StatusOr<v1::VoidSaleResponse> VoidSale(
      const v1::VoidSaleRequest& request);
  virtual StatusOr<v1::GetSaleResponse> GetSale(
      const v1::GetSaleRequest& request);
  virtual StatusOr<v1::ListSalesResponse> ListSales(
      const v1::ListSalesRequest& request);
  virtual StatusOr<v1::CheckReceiptSequenceResponse> CheckReceiptSequence(
      const v1::CheckReceiptSequenceRequest& request);
  virtual StatusOr<v1::SummarizeSalesResponse> SummarizeSales(
      const v1::SummarizeSalesRequest& request);
};

/// The SDK's SalesConnection over `connection`: gRPC calls with the
/// connection's deadline and token, retried under its options (see
/// RetryPolicy and DefaultIdempotency).
std::shared_ptr<SalesConnection> MakeSalesConnection(
    std::shared_ptr<Connection> connection);

}  // namespace backoffice

#endif  // BACKOFFICE_SALES_CONNECTION_H_
