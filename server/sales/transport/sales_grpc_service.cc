#include "sales/transport/sales_grpc_service.h"

#include <google/protobuf/util/time_util.h>

#include "core/transport/common_mapping.h"
#include "sales/transport/sales_mapping.h"

namespace backoffice::transport {
namespace {

using google::protobuf::util::TimeUtil;

}  // namespace

grpc::Status SalesGrpcService::RecordSale(grpc::ServerContext* c,
                                          const v1::RecordSaleRequest* req,
                                          v1::RecordSaleResponse* resp) {
  return handler_.Handle(c, req->sale().sale_id(),
                         [&](const domain::RequestContext& ctx) -> Status {
                           auto outcome =
                               sales_.RecordSale(ctx, FromProto(req->sale()));
                           if (!outcome.ok()) return outcome.status();
                           ToProto(outcome->sale, resp->mutable_sale());
                           resp->set_replayed(outcome->replayed);
                           return Status();
                         });
}

grpc::Status SalesGrpcService::UploadSales(grpc::ServerContext* c,
                                           const v1::UploadSalesRequest* req,
                                           v1::UploadSalesResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
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
  return handler_.Handle(
      c, req->sale_return().return_id(),
      [&](const domain::RequestContext& ctx) -> Status {
        auto outcome = sales_.RecordReturn(ctx, FromProto(req->sale_return()));
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->sale_return, resp->mutable_sale_return());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status SalesGrpcService::VoidSale(grpc::ServerContext* c,
                                        const v1::VoidSaleRequest* req,
                                        v1::VoidSaleResponse* resp) {
  return handler_.Handle(
      c, req->sale_id(), [&](const domain::RequestContext& ctx) -> Status {
        auto outcome = sales_.VoidSale(ctx, req->store_code(), req->sale_id(),
                                       req->reason());
        if (!outcome.ok()) return outcome.status();
        ToProto(outcome->sale, resp->mutable_sale());
        resp->set_replayed(outcome->replayed);
        return Status();
      });
}

grpc::Status SalesGrpcService::GetSale(grpc::ServerContext* c,
                                       const v1::GetSaleRequest* req,
                                       v1::GetSaleResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        auto sale = sales_.GetSale(ctx, req->store_code(), req->sale_id());
        if (!sale.ok()) return sale.status();
        ToProto(*sale, resp->mutable_sale());
        return Status();
      });
}

grpc::Status SalesGrpcService::ListSales(grpc::ServerContext* c,
                                         const v1::ListSalesRequest* req,
                                         v1::ListSalesResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        domain::SaleFilter filter{req->store_code(), req->terminal_code(),
                                  req->business_day()};
        auto page =
            sales_.ListSales(ctx, filter, req->page_size(), req->page_token());
        if (!page.ok()) return page.status();
        for (const auto& sale : page->items) ToProto(sale, resp->add_sales());
        resp->set_next_page_token(page->next_page_token);
        return Status();
      });
}

grpc::Status SalesGrpcService::CheckReceiptSequence(
    grpc::ServerContext* c, const v1::CheckReceiptSequenceRequest* req,
    v1::CheckReceiptSequenceResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        auto check = sales_.CheckReceipts(
            ctx, req->store_code(), req->terminal_code(), req->business_day());
        if (!check.ok()) return check.status();
        resp->set_sale_count(check->sale_count);
        resp->set_first_receipt_number(check->first_receipt_number);
        resp->set_last_receipt_number(check->last_receipt_number);
        for (auto n : check->missing) resp->add_missing_receipt_numbers(n);
        for (auto n : check->duplicated)
          resp->add_duplicated_receipt_numbers(n);
        if (check->last_record_time != 0) {
          *resp->mutable_last_record_time() =
              TimeUtil::MicrosecondsToTimestamp(check->last_record_time);
        }
        return Status();
      });
}

grpc::Status SalesGrpcService::SummarizeSales(
    grpc::ServerContext* c, const v1::SummarizeSalesRequest* req,
    v1::SummarizeSalesResponse* resp) {
  return handler_.Handle(
      c, "", [&](const domain::RequestContext& ctx) -> Status {
        auto summary = sales_.SummarizeSales(ctx, req->store_code(),
                                             req->from_day(), req->to_day());
        if (!summary.ok()) return summary.status();
        const std::string& currency = summary->currency_code;
        auto money = [&currency](std::int64_t minor, v1::Money* out) {
          out->set_currency_code(currency);
          out->set_minor_units(minor);
        };
        resp->set_store_code(summary->store_code);
        resp->set_from_day(summary->from_day);
        resp->set_to_day(summary->to_day);
        resp->set_sale_count(summary->sale_count);
        money(summary->net_sales_minor, resp->mutable_net_sales());
        money(summary->sales_tax_minor, resp->mutable_sales_tax());
        money(summary->returns_minor, resp->mutable_returns());
        money(summary->returns_tax_minor, resp->mutable_returns_tax());
        money(summary->revenue_minor(), resp->mutable_revenue());
        money(summary->cost_of_goods_sold_minor(),
              resp->mutable_cost_of_goods_sold());
        money(summary->gross_profit_minor(), resp->mutable_gross_profit());
        const std::int64_t revenue = summary->revenue_minor();
        resp->set_gross_margin_basis_points(
            revenue <= 0
                ? 0
                : static_cast<std::int32_t>(summary->gross_profit_minor() *
                                            10000 / revenue));
        resp->set_lines_without_cost(summary->lines_without_cost);
        return Status();
      });
}

}  // namespace backoffice::transport
