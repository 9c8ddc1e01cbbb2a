#include "transport/sales_grpc_services.h"

#include <google/protobuf/util/time_util.h>

#include "transport/sales_mapping.h"

namespace backoffice::transport {
namespace {

#define BO_SALES(name) "/backoffice.v1.SalesService/" #name
#define BO_INVENTORY(name) "/backoffice.v1.InventoryService/" #name
#define BO_RECONCILIATION(name) "/backoffice.v1.ReconciliationService/" #name

using google::protobuf::util::TimeUtil;

}  // namespace

grpc::Status SalesGrpcService::RecordSale(grpc::ServerContext* c,
                                          const v1::RecordSaleRequest* req,
                                          v1::RecordSaleResponse* resp) {
  return handler_.Handle(c, BO_SALES(RecordSale), req->sale().sale_id(),
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto outcome = sales_.RecordSale(ctx, FromProto(req->sale()));
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->sale, resp->mutable_sale());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status SalesGrpcService::UploadSales(grpc::ServerContext* c,
                                           const v1::UploadSalesRequest* req,
                                           v1::UploadSalesResponse* resp) {
  return handler_.Handle(c, BO_SALES(UploadSales), "",
                         [&](const domain::RequestContext& ctx) -> Status {
                           std::vector<domain::Sale> sales;
                           sales.reserve(req->sales_size());
                           for (const auto& sale : req->sales()) sales.push_back(FromProto(sale));
                           auto outcomes = sales_.UploadSales(ctx, std::move(sales));
                           if (!outcomes.ok()) return outcomes.status();
                           for (const auto& o : *outcomes) ToProto(o, resp->add_results());
                           return Status();
                         });
}

grpc::Status SalesGrpcService::RecordReturn(grpc::ServerContext* c,
                                            const v1::RecordReturnRequest* req,
                                            v1::RecordReturnResponse* resp) {
  return handler_.Handle(c, BO_SALES(RecordReturn), req->sale_return().return_id(),
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto outcome =
                               sales_.RecordReturn(ctx, FromProto(req->sale_return()));
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->sale_return, resp->mutable_sale_return());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status SalesGrpcService::VoidSale(grpc::ServerContext* c, const v1::VoidSaleRequest* req,
                                        v1::VoidSaleResponse* resp) {
  return handler_.Handle(c, BO_SALES(VoidSale), req->sale_id(),
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto outcome = sales_.VoidSale(ctx, req->store_code(),
                                                          req->sale_id(), req->reason());
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->sale, resp->mutable_sale());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status SalesGrpcService::GetSale(grpc::ServerContext* c, const v1::GetSaleRequest* req,
                                       v1::GetSaleResponse* resp) {
  return handler_.Handle(c, BO_SALES(GetSale), "",
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto sale = sales_.GetSale(ctx, req->store_code(), req->sale_id());
                           if (!sale.ok()) return sale.status();
                           ToProto(*sale, resp->mutable_sale());
                           return Status();
                         });
}

grpc::Status SalesGrpcService::ListSales(grpc::ServerContext* c, const v1::ListSalesRequest* req,
                                         v1::ListSalesResponse* resp) {
  return handler_.Handle(
      c, BO_SALES(ListSales), "", [&](const domain::RequestContext& ctx) -> Status {
        domain::SaleFilter filter{req->store_code(), req->terminal_code(), req->business_day()};
        auto page = sales_.ListSales(ctx, filter, req->page_size(), req->page_token());
        if (!page.ok()) return page.status();
        for (const auto& sale : page->items) ToProto(sale, resp->add_sales());
        resp->set_next_page_token(page->next_page_token);
        return Status();
      });
}

grpc::Status SalesGrpcService::CheckReceiptSequence(grpc::ServerContext* c,
                                                    const v1::CheckReceiptSequenceRequest* req,
                                                    v1::CheckReceiptSequenceResponse* resp) {
  return handler_.Handle(
      c, BO_SALES(CheckReceiptSequence), "", [&](const domain::RequestContext& ctx) -> Status {
        auto check = sales_.CheckReceipts(ctx, req->store_code(), req->terminal_code(),
                                          req->business_day());
        if (!check.ok()) return check.status();
        resp->set_sale_count(check->sale_count);
        resp->set_first_receipt_number(check->first_receipt_number);
        resp->set_last_receipt_number(check->last_receipt_number);
        for (auto n : check->missing) resp->add_missing_receipt_numbers(n);
        for (auto n : check->duplicated) resp->add_duplicated_receipt_numbers(n);
        if (check->last_record_time != 0) {
          *resp->mutable_last_record_time() =
              TimeUtil::MicrosecondsToTimestamp(check->last_record_time);
        }
        return Status();
      });
}

grpc::Status InventoryGrpcService::GetStockLevel(grpc::ServerContext* c,
                                                 const v1::GetStockLevelRequest* req,
                                                 v1::GetStockLevelResponse* resp) {
  return handler_.Handle(c, BO_INVENTORY(GetStockLevel), "",
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto level =
                               inventory_.GetStockLevel(ctx, req->store_code(), req->sku());
                           if (!level.ok()) return level.status();
                           ToProto(*level, resp->mutable_stock_level());
                           return Status();
                         });
}

grpc::Status InventoryGrpcService::ListStockLevels(grpc::ServerContext* c,
                                                   const v1::ListStockLevelsRequest* req,
                                                   v1::ListStockLevelsResponse* resp) {
  return handler_.Handle(
      c, BO_INVENTORY(ListStockLevels), "", [&](const domain::RequestContext& ctx) -> Status {
        domain::StockLevelFilter filter{req->at_or_below_reorder_point(), req->negative_only(),
                                        req->sku()};
        auto page = inventory_.ListStockLevels(ctx, req->store_code(), filter, req->page_size(),
                                               req->page_token());
        if (!page.ok()) return page.status();
        for (const auto& level : page->items) ToProto(level, resp->add_stock_levels());
        resp->set_next_page_token(page->next_page_token);
        return Status();
      });
}

grpc::Status InventoryGrpcService::ListStockMovements(grpc::ServerContext* c,
                                                      const v1::ListStockMovementsRequest* req,
                                                      v1::ListStockMovementsResponse* resp) {
  return handler_.Handle(
      c, BO_INVENTORY(ListStockMovements), "", [&](const domain::RequestContext& ctx) -> Status {
        domain::MovementFilter filter;
        filter.sku = req->sku();
        filter.type = FromProto(req->type());
        if (req->has_start_time()) {
          filter.start_time = TimeUtil::TimestampToMicroseconds(req->start_time());
        }
        if (req->has_end_time()) {
          filter.end_time = TimeUtil::TimestampToMicroseconds(req->end_time());
        }
        auto page = inventory_.ListStockMovements(ctx, req->store_code(), filter,
                                                  req->page_size(), req->page_token());
        if (!page.ok()) return page.status();
        for (const auto& m : page->items) ToProto(m, resp->add_stock_movements());
        resp->set_next_page_token(page->next_page_token);
        return Status();
      });
}

grpc::Status InventoryGrpcService::AdjustStock(grpc::ServerContext* c,
                                               const v1::AdjustStockRequest* req,
                                               v1::AdjustStockResponse* resp) {
  return handler_.Handle(c, BO_INVENTORY(AdjustStock), req->adjustment_id(),
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto outcome = inventory_.AdjustStock(ctx, FromProto(*req));
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->movement, resp->mutable_stock_movement());
                           ToProto(outcome->level, resp->mutable_stock_level());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status ReconciliationGrpcService::VerifyLedger(grpc::ServerContext* c,
                                                     const v1::VerifyLedgerRequest* req,
                                                     v1::VerifyLedgerResponse* resp) {
  return handler_.Handle(c, BO_RECONCILIATION(VerifyLedger), "",
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto report = reconciliation_.VerifyLedger(ctx, req->store_code());
                           if (!report.ok()) return report.status();
                           resp->set_stores_checked(report->stores_checked);
                           resp->set_balances_checked(report->balances_checked);
                           resp->set_sales_checked(report->sales_checked);
                           for (const auto& v : report->violations) {
                             ToProto(v, resp->add_violations());
                           }
                           return Status();
                         });
}

}  // namespace backoffice::transport
